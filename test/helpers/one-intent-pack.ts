/** The smallest drill pack: one principle, one intent, one harmful prompt (YAML). */
export const ONE_INTENT_PACK = [
  'id: p',
  'principles:',
  '  - id: w',
  '    statement: Do not help.',
  '    intents:',
  '      - { id: a, prompt: "bad request" }',
  '',
].join('\n');
