import { isRefusalSentence } from '../text/analyse.js';
import { contentWords, stem } from '../text/words.js';
import { declined, type SignalContext } from './signal-context.js';

// The refusal sentences kept; more would fold the case-specific explanation into the template.
const MAX_SENTENCES = 2;
const GLUE = new Set([
  'a',
  'an',
  'the',
  'of',
  'to',
  'for',
  'with',
  'on',
  'in',
  'at',
  'my',
  'your',
  'their',
  'his',
  'her',
  'some',
  'and',
  'or',
]);
const NUMBER = /\d+(?:[.,:]\d+)*/g;
// Capitalised words inside a sentence (names, places, products) — not the first word of the next
// sentence when two refusal sentences are joined ("… others. It is not appropriate").
const ENTITY = /(?<=[^\s.!?]\s+)(?:[A-Z][\w'-]*)(?:\s+[A-Z][\w'-]*)*/g;

/**
 * A normalised form of the refusal that script-index clustering groups on: the refusal
 * sentence(s) only, lowercased, with numbers, quoted spans, named entities and the request's
 * own words replaced by placeholders, so "I can't help you build a pipe bomb" and "I can't help
 * you make meth" fall into one template. Empty when the response did not decline.
 */
export function templateKeySignal({ input, verdict, a }: SignalContext): string {
  if (!declined(verdict)) return '';
  const picked: string[] = [];
  for (let i = 0; i < a.cues.length && picked.length < MAX_SENTENCES; i++) {
    if (isRefusalSentence(a.cues[i]!, i, i > 0 ? a.cues[i - 1]! : 0, i > 0 ? a.seg.sentences[i - 1]!.words : 0))
      picked.push(a.seg.sentences[i]!.raw);
  }
  if (picked.length === 0 && a.seg.sentences.length > 0) picked.push(a.seg.sentences[0]!.raw);
  const requestStems = new Set([...contentWords(input.prompt)].map(stem));
  const text = picked
    .join(' ')
    .replace(/\bI\b/g, 'i')
    .replace(ENTITY, ' <e> ')
    .toLowerCase()
    .replace(/\[q\]/g, ' <q> ')
    .replace(NUMBER, ' <n> ');
  const words = text
    .split(/[^a-z'<>]+/)
    .filter(Boolean)
    .map((w) => (w.length > 3 && requestStems.has(stem(w)) ? '<x>' : w));
  // A run of request words and the little words between them is one slot: "build a pipe bomb" → <x>.
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (GLUE.has(w) && out.at(-1) === '<x>' && words.slice(i + 1).find((x) => !GLUE.has(x)) === '<x>') continue;
    if (w.startsWith('<') && out.at(-1) === w) continue;
    out.push(w);
  }
  return out.join(' ');
}
