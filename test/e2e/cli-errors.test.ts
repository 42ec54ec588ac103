import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { useTmpDir } from '../helpers/tmp-dir.js';

const tmp = useTmpDir();

describe('CLI: bad input gets a clear message and a documented exit code', () => {
  it('an unknown target spec → exit 2, naming the known kinds', async () => {
    const d = tmp();
    const r = await cli(['run', 'xstest', '--target', 'nonsense:model', '--db', join(d, 'd.db')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nonsense/);
    expect(r.stderr).toMatch(/openai/);
  });

  it('a missing --target → exit 2', async () => {
    const r = await cli(['run', 'xstest', '--db', join(tmp(), 'd.db')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--target is required/);
  });

  it('a malformed pack → exit 3 with file and line', async () => {
    const d = tmp();
    const file = join(d, 'bad.yaml');
    writeFileSync(file, 'id: bad\nprinciples:\n  - id: p\n    statment: typo\n');
    const r = await cli(['packs', 'validate', file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${file}:4:5: principles[0].statment`);
    const run = await cli(['run', file, '--target', 'replay:xstest/gpt4', '--db', join(d, 'd.db')]);
    expect(run.code).toBe(3);
  });

  it('an unreachable endpoint → every case is an error, exit 4, and the errors are stored as errors', async () => {
    const d = tmp();
    const pack = join(d, 'p.yaml');
    writeFileSync(pack, 'id: p\nprinciples:\n  - id: x\n    statement: s\n    intents:\n      - { id: a, prompt: do a bad thing }\n');
    const r = await cli([
      'run',
      pack,
      '--target',
      'openai:m',
      '--base-url',
      'http://127.0.0.1:9/v1',
      '--retries',
      '0',
      '--db',
      join(d, 'd.db'),
      '--out',
      join(d, 'out'),
    ]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/network|ECONNREFUSED|connect/i);
    const runs = await cli(['runs', '--json', '--db', join(d, 'd.db')]);
    expect(JSON.parse(runs.stdout)[0]).toMatchObject({
      status: 'failed',
      done: 1,
      outcome: { errors: 1, results: 1, asked: 1, reused: 0 },
    });
  });

  it('a corrupt db file → exit 5, file untouched', async () => {
    const d = tmp();
    const db = join(d, 'd.db');
    writeFileSync(db, 'garbage'.repeat(1000));
    const r = await cli(['runs', '--db', db]);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/not a valid refusal-drill database/);
  });

  it('resuming a run that does not exist → exit 3', async () => {
    const r = await cli(['run', '--resume', 'nope', '--db', join(tmp(), 'd.db')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/no run "nope"/);
  });
});
