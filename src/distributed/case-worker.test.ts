import type PgBoss from 'pg-boss';
import { afterEach, describe, expect, it } from 'vitest';
import { makeCase, makeRun } from '../../test/helpers/fixtures.js';
import { fnTarget } from '../../test/helpers/fn-target.js';
import { freshPgUrl, NO_PG_REASON, TEST_PG } from '../../test/helpers/pg-test.js';
import { simpleJudge } from '../../test/helpers/simple-judge.js';
import { EMPTY_CONTEXT } from '../run/index.js';
import type { Judge } from '../spec/index.js';
import { enqueueCases, openCaseQueue } from './case-queue.js';
import { startCaseWorker, type CaseWorker } from './case-worker.js';
import { queueNewRun } from './queue-run.js';
import { openTeamStore, type TeamStore } from './team-store.js';
import type { WorkerEvent } from './worker-events.js';

const open: Array<{ team: TeamStore; boss: PgBoss; worker?: CaseWorker }> = [];
afterEach(async () => {
  for (const o of open.splice(0)) {
    await o.worker?.stop();
    await o.boss.stop({ graceful: false, wait: true });
    await o.team.close();
  }
});

/** Polls until `probe` holds; the deadline is generous, for a machine busy with other work. */
async function until(what: string, probe: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function harness(judge: Judge, o: { retryLimit: number; cases: number }) {
  const url = freshPgUrl(TEST_PG ?? '', 'worker');
  const team = await openTeamStore(url, { poolSize: 4 });
  const boss = await openCaseQueue(url);
  const entry: { team: TeamStore; boss: PgBoss; worker?: CaseWorker } = { team, boss };
  open.push(entry);
  const cases = Array.from({ length: o.cases }, (_, i) => makeCase(`c${i}`));
  const run = makeRun({ id: 'r', caseCount: cases.length });
  await team.store.createRun(run, cases, EMPTY_CONTEXT);
  await queueNewRun(team, boss, {
    runId: run.id,
    caseIds: cases.map((c) => c.id),
    settings: { jobTimeoutS: 30, retryLimit: o.retryLimit },
  });
  const events: WorkerEvent[] = [];
  const target = fnTarget(() => "I can't help with that.");
  entry.worker = await startCaseWorker({
    team,
    boss,
    concurrency: 2,
    pollingIntervalSeconds: 0.1,
    makeTools: () => ({ target, judge }),
    onEvent: (e) => events.push(e),
  });
  return { team, boss, run, cases, events, target };
}

describe.skipIf(!TEST_PG)(`case worker${TEST_PG ? '' : ` (skipped: ${NO_PG_REASON})`}`, () => {
  it('a job delivered twice runs the case once and stores one result', async () => {
    const h = await harness(simpleJudge, { retryLimit: 0, cases: 3 });
    await until('three results', async () => (await h.team.store.countResults('r')) === 3);
    await enqueueCases(h.boss, { runId: 'r', caseIds: ['c1'], jobTimeoutS: 30, retryLimit: 0 });
    await until('the duplicate to be seen', () => Promise.resolve(h.events.some((e) => e.type === 'case-duplicate')));
    expect(h.target.calls).toBe(3);
    expect(await h.team.store.countResults('r')).toBe(3);
    expect((await h.team.store.results('r')).map((r) => r.judgement.verdict)).toEqual(['refusal', 'refusal', 'refusal']);
  });

  it('a case that fails on every try ends as an error result, not a lost case or a refusal', async () => {
    let tries = 0;
    const broken: Judge = {
      id: 'broken',
      judge: () => {
        tries += 1;
        throw new Error('judge crashed');
      },
    };
    const h = await harness(broken, { retryLimit: 1, cases: 1 });
    await until('the error result', async () => (await h.team.store.countResults('r')) === 1);
    const [result] = await h.team.store.results('r');
    expect(result?.judgement).toMatchObject({ verdict: 'error', judge: 'worker' });
    expect(result?.judgement.error).toContain('judge crashed');
    expect(tries).toBe(2);
    expect(h.events.filter((e) => e.type === 'case-failed').map((e) => e.type === 'case-failed' && e.willRetry)).toEqual([true, false]);
  });

  it('cases of a cancelled run are skipped', async () => {
    const h = await harness(simpleJudge, { retryLimit: 0, cases: 0 });
    await h.team.control.setState('r', 'cancelled');
    await h.team.store.createRun(makeRun({ id: 'r2', caseCount: 1 }), [makeCase('x')], EMPTY_CONTEXT);
    await h.team.control.register({ runId: 'r2', jobTimeoutS: 30 });
    await h.team.control.setState('r2', 'cancelled');
    await enqueueCases(h.boss, { runId: 'r2', caseIds: ['x'], jobTimeoutS: 30, retryLimit: 0 });
    await until('the skip', () => Promise.resolve(h.events.some((e) => e.type === 'case-skipped' && e.reason.includes('cancelled'))));
    expect(h.target.calls).toBe(0);
    expect(await h.team.store.countResults('r2')).toBe(0);
  });
});
