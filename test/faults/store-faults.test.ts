import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { useTmpDir } from '../helpers/tmp-dir.js';

const tmp = useTmpDir('faults-store-');
const REPLAY = ['run', 'xstest', '--target', 'replay:xstest/llama2orig', '--no-cache'];

/** A user error is a message, not a stack trace. */
function noStack(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(stderr).not.toContain('unexpected error');
}

it('a database another process holds a write lock on is exit 5 saying it is locked, not 70 with a stack', async () => {
  const d = tmp();
  const db = join(d, 'd.db');
  // A store with its tables, then another writer that holds the lock for the whole run.
  expect((await cli(['runs', '--db', db])).code).toBe(0);
  const holder = new Database(db);
  holder.pragma('journal_mode = WAL');
  holder.prepare('BEGIN IMMEDIATE').run();
  try {
    const r = await cli([...REPLAY, '--db', db, '--out', join(d, 'out')]);
    expect(r.code, r.stderr).toBe(5);
    expect(r.stderr).toMatch(/store .*d\.db is locked by another process/);
    noStack(r.stderr);
  } finally {
    holder.prepare('ROLLBACK').run();
    holder.close();
  }
});

it('a store with a damaged inner page is exit 5 saying it is damaged, and is not written to', async () => {
  const d = tmp();
  const db = join(d, 'd.db');
  const first = await cli([...REPLAY, '--db', db, '--out', join(d, 'out')]);
  expect(first.code, first.stderr).toBe(0);
  // Garbage over pages in the middle of the file (page 1, the header, stays intact: it opens).
  const size = statSync(db).size;
  const fd = openSync(db, 'r+');
  const garbage = Buffer.alloc(4096 * 8, 0xa5);
  writeSync(fd, garbage, 0, garbage.length, Math.floor(size / 2 / 4096) * 4096);
  closeSync(fd);
  const r = await cli(['report', 'latest', '--db', db, '--format', 'json']);
  expect(r.code, r.stderr).toBe(5);
  expect(r.stderr).toMatch(/store .*d\.db is (damaged|not a valid refusal-drill database)/);
  noStack(r.stderr);
});

it('a SQLite file of another program given as --db is refused and left byte for byte as it was', async () => {
  const d = tmp();
  const file = join(d, 'app.sqlite');
  const app = new Database(file);
  app.exec("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT); INSERT INTO users (email) VALUES ('a@example.com');");
  app.close();
  const before = readFileSync(file);
  const r = await cli(['runs', '--db', file]);
  expect(r.code, r.stderr).toBe(5);
  expect(r.stderr).toContain('is a SQLite database of another program (tables: users)');
  noStack(r.stderr);
  expect(readFileSync(file).equals(before)).toBe(true);
});

// A real full filesystem: a 1 MB tmpfs, where this machine lets us mount one (root, or a CI
// runner with the capability); the runner test below injects the same fault everywhere else.
const mountPoint = join('/tmp', `faults-full-${process.pid}`);
const canMount = ((): boolean => {
  try {
    mkdirSync(mountPoint, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
afterAll(() => {
  if (canMount) execFileSync('umount', [mountPoint], { stdio: 'ignore' });
  rmSync(mountPoint, { recursive: true, force: true });
});

it.skipIf(!canMount)(
  'a disk that fills mid-run is exit 5 saying so; the run is left resumable (not `running`) and finishes once there is room',
  async () => {
    const db = join(mountPoint, 'd.db');
    const d = tmp();
    const r = await cli([...REPLAY, '--db', db, '--out', join(d, 'out')]);
    expect(r.code, r.stderr).toBe(5);
    expect(r.stderr).toContain('the disk is full');
    expect(r.stderr).toMatch(/finish run (\S+) with refusal-drill run --resume/);
    noStack(r.stderr);
    const runId = /finish run (\S+) with/.exec(r.stderr)?.[1] ?? '';

    execFileSync('mount', ['-o', 'remount,size=64m', mountPoint], { stdio: 'ignore' });
    const listed = await cli(['runs', '--db', db]);
    expect(listed.stdout).toContain(runId);
    expect(listed.stdout.split('\n').find((l) => l.includes(runId))).not.toMatch(/\brunning\b/);
    const resumed = await cli(['run', '--resume', runId, '--db', db, '--out', join(d, 'out')]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(
      readFileSync(join(d, 'out', 'results.jsonl'), 'utf8')
        .trim()
        .split('\n'),
    ).toHaveLength(450);
  },
);

it('monitor ingest into a database another process holds a write lock on is exit 5, not 70', async () => {
  const d = tmp();
  const db = join(d, 'd.db');
  const log = join(d, 'log.jsonl');
  writeFileSync(
    log,
    `${JSON.stringify({
      timestamp: '2026-03-04T09:00:00Z',
      messages: [
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: 'hello' },
      ],
    })}\n`,
  );
  expect((await cli(['monitor', 'ingest', log, '--db', db])).code).toBe(0);
  const holder = new Database(db);
  holder.prepare('BEGIN IMMEDIATE').run();
  try {
    const r = await cli(['monitor', 'ingest', log, '--db', db, '--workers', '1']);
    expect(r.code, r.stderr).toBe(5);
    expect(r.stderr).toMatch(/locked/);
    noStack(r.stderr);
  } finally {
    holder.prepare('ROLLBACK').run();
    holder.close();
  }
});
