import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeAsyncStoreContract } from '../../../test/contracts/async-store-contract.js';
import { freshPgUrl, NO_PG_REASON, TEST_PG } from '../../../test/helpers/pg-test.js';
import { useTmpDir } from '../../../test/helpers/tmp-dir.js';
import { StoreError } from '../../spec/errors.js';
import { openAsyncStore } from './open-async-store.js';

const tmp = useTmpDir();

describeAsyncStoreContract('kysely-sqlite', async () => (await openAsyncStore(join(tmp(), 'nested', 'team.db'))).store);
describeAsyncStoreContract('kysely-postgres', async () => (await openAsyncStore(freshPgUrl(TEST_PG ?? ''))).store, {
  skip: TEST_PG ? undefined : NO_PG_REASON,
});

it('re-opening a SQLite file applies no migration twice and keeps the data', async () => {
  const file = join(tmp(), 'team.db');
  const a = await openAsyncStore(file);
  await a.store.cachePut('k', { text: 'x', finish: { unified: 'stop', raw: null }, latencyMs: 1, ttftMs: null });
  await a.store.close();
  const b = await openAsyncStore(file);
  expect((await b.store.cacheGet('k'))?.text).toBe('x');
  await b.store.close();
});

it('a file that is not a database is a StoreError naming the file', async () => {
  const file = join(tmp(), 'junk.db');
  writeFileSync(file, 'not sqlite '.repeat(500));
  const err = await openAsyncStore(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(StoreError.isInstance(err)).toBe(true);
  expect(String((err as Error).message)).toContain(file);
});

it('an unreachable Postgres is a StoreError that masks the password', async () => {
  const err = await openAsyncStore('postgres://me:secret@127.0.0.1:1/nowhere').then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(StoreError.isInstance(err)).toBe(true);
  expect(String((err as Error).message)).toContain('127.0.0.1:1');
  expect(String((err as Error).message)).not.toContain('secret');
});
