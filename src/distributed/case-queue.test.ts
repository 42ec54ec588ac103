import { afterEach, describe, expect, it } from 'vitest';
import type PgBoss from 'pg-boss';
import { freshPgUrl, NO_PG_REASON, TEST_PG } from '../../test/helpers/pg-test.js';
import { openCaseQueue } from './case-queue.js';

const opened: PgBoss[] = [];
afterEach(async () => {
  for (const b of opened.splice(0)) await b.stop({ graceful: false, wait: true }).catch(() => undefined);
});

describe.skipIf(!TEST_PG)(`case queue on Postgres${TEST_PG ? '' : ` (${NO_PG_REASON})`}`, () => {
  it('opens from many processes at once on a fresh database: one schema install, no deadlock', async () => {
    const url = freshPgUrl(TEST_PG!, 'q');
    for (let round = 0; round < 2; round++) {
      const bosses = await Promise.all(Array.from({ length: 6 }, () => openCaseQueue(url, { poolSize: 2 })));
      opened.push(...bosses);
      for (const b of bosses) expect(await b.getQueue('drill-case')).toMatchObject({ name: 'drill-case' });
      for (const b of opened.splice(0)) await b.stop({ graceful: false, wait: true });
    }
  });
});
