import { join } from 'node:path';
import { expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { EXIT } from '../../src/spec/index.js';
import { useTmpDir } from '../helpers/tmp-dir.js';

const tmp = useTmpDir();

async function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await main(['node', 'refusal-drill', ...args], { out: () => {}, err: (t) => (err += `${t}\n`), isTTY: false, env });
  return { code, err };
}

it('run --queue on a SQLite file says a shared Postgres is needed (exit 5) and how to give it', async () => {
  const r = await run(['run', 'xstest', '--target', 'replay:xstest/gpt4', '--queue', '--db', join(tmp(), 'x.db')]);
  expect(r.code).toBe(EXIT.store);
  expect(r.err).toMatch(/need a shared Postgres store: pass --db postgres:\/\/.* or set REFUSAL_DRILL_DB/);
});

it('worker and cancel without a Postgres URL fail the same way', async () => {
  expect((await run(['worker'])).code).toBe(EXIT.store);
  expect((await run(['cancel', 'latest', '--db', join(tmp(), 'y.db')])).err).toMatch(/shared Postgres store/);
});

it('REFUSAL_DRILL_DB selects the team store; an unreachable one is a store error that hides the password', async () => {
  const r = await run(['worker'], { REFUSAL_DRILL_DB: 'postgres://drill:hunter2@127.0.0.1:1/none' });
  expect(r.code).toBe(EXIT.store);
  expect(r.err).toContain('127.0.0.1:1');
  expect(r.err).not.toContain('hunter2');
});
