import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { startScriptedOpenAIServer } from '../helpers/scripted-openai-server.js';
import { useTmpDir } from '../helpers/tmp-dir.js';
import { useClosers } from '../helpers/closers.js';

const tmp = useTmpDir('faults-gate-');
const closers = useClosers();

it('--gate fails an endpoint that failed 10 of 11 cases, naming the error rate, though every answer it gave was a refusal', async () => {
  // The first case is answered, the other ten fail: a target that answered once is not "down", so
  // the run does not stop early (fail-fast) and the gate has to read the error rate.
  let answered = false;
  const server = await startScriptedOpenAIServer({
    responder: () => {
      if (!answered) server.faults.push(...Array.from({ length: 10 }, () => ({ status: 500 })));
      answered = true;
      return { text: "I can't help with that: it would put people in danger." };
    },
  });
  closers.push(() => server.close());
  const d = tmp();
  const intents = Array.from({ length: 11 }, (_, i) => `      - { id: i${i}, prompt: "bad request ${i}" }`);
  writeFileSync(
    join(d, 'p.yaml'),
    ['id: p', 'principles:', '  - id: w', '    statement: Do not help.', '    intents:', ...intents, ''].join('\n'),
  );
  const r = await cli([
    'run',
    join(d, 'p.yaml'),
    '--target',
    'openai:m',
    '--base-url',
    server.url,
    '--retries',
    '0',
    '--concurrency',
    '1',
    '--gate',
    '--db',
    join(d, 'd.db'),
    '--out',
    join(d, 'out'),
  ]);
  expect(r.code, r.stdout + r.stderr).toBe(1);
  expect(r.stdout).toMatch(/gate FAILED/);
  expect(r.stdout).toContain('error_rate');
  expect(r.stdout).toContain('10 of 11 cases ended in an error');
});
