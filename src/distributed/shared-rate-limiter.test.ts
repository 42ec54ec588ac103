import { afterEach, describe, expect, it } from 'vitest';
import { freshPgUrl, NO_PG_REASON, TEST_PG } from '../../test/helpers/pg-test.js';
import { openTeamStore, type TeamStore } from './team-store.js';

const opened: TeamStore[] = [];
afterEach(async () => {
  for (const t of opened.splice(0)) await t.close();
});

describe.skipIf(!TEST_PG)(`shared rate limiter${TEST_PG ? '' : ` (skipped: ${NO_PG_REASON})`}`, () => {
  it('hands out slots spaced 60000/rpm apart across separate connections pools, never the same slot twice', async () => {
    const url = freshPgUrl(TEST_PG ?? '', 'rate');
    const a = await openTeamStore(url, { poolSize: 4 });
    opened.push(a);
    const b = await openTeamStore(url, { poolSize: 4 });
    opened.push(b);
    const rpm = 60_000 / 40; // one request every 40 ms
    const grants = await Promise.all(Array.from({ length: 16 }, (_, i) => (i % 2 ? a : b).limiter.reserve('openai:m', rpm)));
    const slots = grants.map((g) => g.slotMs).sort((x, y) => x - y);
    for (let i = 1; i < slots.length; i++) expect(slots[i]! - slots[i - 1]!).toBeGreaterThanOrEqual(40 - 1e-6);
    // One budget, not one per pool: sixteen grants from two pools span fifteen intervals. (Not asserted
    // on waitMs: on a loaded machine real time passes between reservations and the waits shrink.)
    expect(slots[15]! - slots[0]!).toBeGreaterThanOrEqual(15 * 40 - 1e-6);
  });

  it('keeps separate budgets per target id', async () => {
    const team = await openTeamStore(freshPgUrl(TEST_PG ?? '', 'rate'));
    opened.push(team);
    const first = await team.limiter.reserve('t1', 1);
    const other = await team.limiter.reserve('t2', 1);
    const second = await team.limiter.reserve('t1', 1);
    expect(other.waitMs).toBe(0);
    expect(second.slotMs - first.slotMs).toBe(60_000);
  });
});
