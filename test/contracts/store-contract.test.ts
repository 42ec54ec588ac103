import { join } from 'node:path';
import { freshPgUrl, NO_PG_REASON, TEST_PG } from '../helpers/pg-test.js';
import { useTmpDir } from '../helpers/tmp-dir.js';
import { describeStoreContract } from './store-contract.js';

const tmp = useTmpDir();

describeStoreContract('SQLite', () => join(tmp(), 'nested', 'drill.db'));
describeStoreContract('Postgres', () => freshPgUrl(TEST_PG ?? ''), { skip: TEST_PG ? undefined : NO_PG_REASON });
