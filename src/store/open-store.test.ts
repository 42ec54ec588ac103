import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeStoreContract } from '../../test/contracts/store-contract.js';
import { useTmpDir } from '../../test/helpers/tmp-dir.js';
import { StoreError } from '../spec/errors.js';
import { openStore } from './open-store.js';

const tmp = useTmpDir();

describeStoreContract('sqlite', () => openStore(join(tmp(), 'nested', 'drill.db')));

it('a file that is not a database is a StoreError naming the file, and the file is left as it was', () => {
  const file = join(tmp(), 'drill.db');
  writeFileSync(file, 'this is not sqlite at all, just text that someone put here'.repeat(100));
  const before = readFileSync(file);
  let err: unknown;
  try {
    openStore(file);
  } catch (e) {
    err = e;
  }
  expect(StoreError.isInstance(err)).toBe(true);
  expect(String((err as Error).message)).toMatch(/not a valid refusal-drill database/);
  expect(String((err as Error).message)).toContain(file);
  expect(readFileSync(file).equals(before)).toBe(true);
});

it('a database locked by another writer is a StoreError that says so', () => {
  const file = join(tmp(), 'drill.db');
  openStore(file).close();
  const other = new Database(file);
  other.pragma('journal_mode = DELETE');
  other.exec('BEGIN EXCLUSIVE');
  try {
    expect(() => openStore(file, { busyTimeoutMs: 50 })).toThrow(/locked by another process/);
  } finally {
    other.exec('ROLLBACK');
    other.close();
  }
});

it('re-opening applies no migration twice and keeps the data', () => {
  const file = join(tmp(), 'drill.db');
  const a = openStore(file);
  a.cachePut('k', { text: 'x', finish: { unified: 'stop', raw: null }, latencyMs: 1, ttftMs: null });
  a.close();
  const b = openStore(file);
  expect(b.cacheGet('k')?.text).toBe('x');
  const versions = b.db.prepare("SELECT version FROM schema_migrations WHERE namespace = 'core'").all();
  expect(versions).toHaveLength(2);
  b.close();
});
