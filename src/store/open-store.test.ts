import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { useTmpDir } from '../../test/helpers/tmp-dir.js';
import { StoreError } from '../spec/index.js';
import { openStore } from './open-store.js';

// What every store does is in test/contracts/store-contract.ts; these are each backend's own failures.
const tmp = useTmpDir();

const failure = (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

it('a file that is not a database is a StoreError naming the file, and the file is left as it was', async () => {
  const file = join(tmp(), 'drill.db');
  writeFileSync(file, 'this is not sqlite at all, just text that someone put here'.repeat(100));
  const before = readFileSync(file);
  const err = await failure(openStore(file));
  expect(StoreError.isInstance(err)).toBe(true);
  expect(String((err as Error).message)).toMatch(/not a valid refusal-drill database/);
  expect(String((err as Error).message)).toContain(file);
  expect(readFileSync(file).equals(before)).toBe(true);
});

it('a database locked by another writer is a StoreError that says so', async () => {
  const file = join(tmp(), 'drill.db');
  await (await openStore(file)).close();
  const other = new Database(file);
  other.pragma('journal_mode = DELETE');
  other.exec('BEGIN EXCLUSIVE');
  try {
    expect(String(await failure(openStore(file, { busyTimeoutMs: 50 })))).toMatch(/locked by another process/);
  } finally {
    other.exec('ROLLBACK');
    other.close();
  }
});

it('an unreachable Postgres is a StoreError that masks the password', async () => {
  const err = await failure(openStore('postgres://me:secret@127.0.0.1:1/nowhere'));
  expect(StoreError.isInstance(err)).toBe(true);
  expect(String((err as Error).message)).toContain('127.0.0.1:1');
  expect(String((err as Error).message)).not.toContain('secret');
});
