import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { terminalSafe } from '../../src/util/index.js';
import { cli } from '../helpers/cli.js';
import { startScriptedOpenAIServer } from '../helpers/scripted-openai-server.js';
import { useTmpDir } from '../helpers/tmp-dir.js';
import { useClosers } from '../helpers/closers.js';
import { ONE_INTENT_PACK } from '../helpers/one-intent-pack.js';

const tmp = useTmpDir('faults-tty-');
const closers = useClosers();

// Sets the window title, clears the screen, homes the cursor, rings the bell.
const HOSTILE = '\u001b]0;pwned\u0007\u001b[2J\u001b[Hfake: all tests passed\u0007\r';

function inert(text: string): void {
  expect(text).not.toContain('\u001b');
  expect(text).not.toContain('\u0007');
  expect(text).not.toContain('\r');
}

it("when every case fails, the first error printed holds none of the server's escape sequences", async () => {
  const server = await startScriptedOpenAIServer({ faults: Array.from({ length: 10 }, () => ({ status: 500, body: HOSTILE })) });
  closers.push(() => server.close());
  const d = tmp();
  writeFileSync(join(d, 'p.yaml'), ONE_INTENT_PACK);
  const r = await cli([
    'run',
    join(d, 'p.yaml'),
    '--target',
    'openai:m',
    '--base-url',
    server.url,
    '--retries',
    '0',
    '--db',
    join(d, 'd.db'),
    '--out',
    join(d, 'out'),
  ]);
  expect(r.code, r.stderr).toBe(4);
  expect(r.stderr).toContain('every case failed at the target; first error:');
  expect(r.stderr).toContain('fake: all tests passed');
  inert(r.stderr);
  inert(r.stdout);
});

it("an exec program's stderr reaches the terminal without its escape sequences", async () => {
  const d = tmp();
  writeFileSync(join(d, 'p.yaml'), ONE_INTENT_PACK);
  const prog = join(d, 'die.mjs');
  writeFileSync(prog, `process.stderr.write(${JSON.stringify(HOSTILE)}); process.exit(2);\n`);
  const r = await cli([
    'run',
    join(d, 'p.yaml'),
    '--target',
    `exec:${process.execPath} ${prog}`,
    '--retries',
    '0',
    '--db',
    join(d, 'd.db'),
    '--out',
    join(d, 'out'),
  ]);
  expect(r.code, r.stderr).toBe(4);
  expect(r.stderr).toContain('exited with code 2 before answering');
  inert(r.stderr);
});

it('terminalSafe keeps colour and line breaks, and drops every other escape or control character', () => {
  expect(terminalSafe('\u001b[31mFAILED\u001b[0m\tx\n')).toBe('\u001b[31mFAILED\u001b[0m\tx\n');
  expect(terminalSafe(`a${HOSTILE}b`)).toBe('afake: all tests passedb');
  const dcs = terminalSafe('\u001bPq#0;2;0;0;0\u001b\\x\u009b2J');
  expect(dcs).not.toContain('\u001b');
  expect(dcs).not.toContain('\u009b');
});
