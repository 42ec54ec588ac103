import { describe, expect, it } from 'vitest';
import type { AsyncStore } from '../../src/store/kysely/index.js';
import { makeCase, makeResponse, makeResult, makeRun } from '../helpers/fixtures.js';

/** One suite every AsyncStore passes: Kysely over SQLite always, over Postgres when a server is given. */
export function describeAsyncStoreContract(name: string, open: () => Promise<AsyncStore>, options: { skip?: string } = {}): void {
  describe.skipIf(options.skip !== undefined)(`AsyncStore contract: ${name}${options.skip ? ` (skipped: ${options.skip})` : ''}`, () => {
    const withStore = (fn: (store: AsyncStore) => Promise<void>) => async () => {
      const store = await open();
      try {
        await fn(store);
      } finally {
        await store.close();
      }
    };

    it(
      'stores a run with its cases and reports pending cases until results arrive',
      withStore(async (store) => {
        const cases = [makeCase('a'), makeCase('b'), makeCase('c')];
        await store.createRun(makeRun({ id: 'r1', caseCount: 3 }), cases);
        expect((await store.pendingCases('r1')).map((c) => c.id)).toEqual(['a', 'b', 'c']);
        await store.putResult(makeResult('r1', cases[1]!, { verdict: 'refusal', confidence: 0.9, judge: 'rules' }));
        expect((await store.pendingCases('r1')).map((c) => c.id)).toEqual(['a', 'c']);
        expect((await store.results('r1')).map((r) => r.caseId)).toEqual(['b']);
        expect(await store.cases('r1')).toEqual(cases);
        expect((await store.case('r1', 'c'))?.turns[0]?.content).toBe('prompt c');
        expect(await store.case('r1', 'zzz')).toBeUndefined();
        expect(await store.countResults('r1')).toBe(1);
      }),
    );

    it(
      'keeps case order across more cases than one insert statement holds',
      withStore(async (store) => {
        const cases = Array.from({ length: 1203 }, (_, i) => makeCase(`c${String(1202 - i).padStart(4, '0')}`));
        await store.createRun(makeRun({ id: 'big', caseCount: cases.length }), cases);
        expect((await store.cases('big')).map((c) => c.id)).toEqual(cases.map((c) => c.id));
      }),
    );

    it(
      'finds runs by id, unique prefix and latest; keeps status changes',
      withStore(async (store) => {
        await store.createRun(makeRun({ id: 'abc-1', createdAt: '2026-01-01T00:00:00Z' }), []);
        await store.createRun(makeRun({ id: 'abd-2', createdAt: '2026-01-02T00:00:00Z' }), []);
        await store.createRun(makeRun({ id: 'x%_y', createdAt: '2025-01-01T00:00:00Z' }), []);
        expect((await store.getRun('abc-1'))?.id).toBe('abc-1');
        expect((await store.getRun('abd'))?.id).toBe('abd-2');
        expect(await store.getRun('ab')).toBeUndefined();
        expect(await store.getRun('x%')).toMatchObject({ id: 'x%_y' });
        expect(await store.getRun('%')).toBeUndefined();
        expect((await store.getRun('latest'))?.id).toBe('abd-2');
        await store.finishRun('abc-1', 'done');
        const run = await store.getRun('abc-1');
        expect(run?.status).toBe('done');
        expect(run?.finishedAt).not.toBeNull();
        expect((await store.listRuns()).map((r) => r.id)).toEqual(['abd-2', 'abc-1', 'x%_y']);
      }),
    );

    it(
      'rewriting a result replaces it; writing once keeps the first and says so',
      withStore(async (store) => {
        const [a, b] = [makeCase('a'), makeCase('b')];
        await store.createRun(makeRun({ id: 'r' }), [a, b]);
        await store.putResult(makeResult('r', a, { verdict: 'error', confidence: 1, judge: 'runner' }));
        await store.putResult(makeResult('r', a, { verdict: 'compliance', confidence: 0.8, judge: 'rules' }));
        expect(await store.putResultOnce(makeResult('r', b, { verdict: 'refusal', confidence: 0.9, judge: 'rules' }))).toBe(true);
        expect(await store.putResultOnce(makeResult('r', b, { verdict: 'compliance', confidence: 0.9, judge: 'rules' }))).toBe(false);
        expect((await store.results('r')).map((x) => x.judgement.verdict)).toEqual(['compliance', 'refusal']);
        expect(await store.hasResult('r', 'b')).toBe(true);
        expect(await store.countResults('r')).toBe(2);
      }),
    );

    it(
      'concurrent writers of one case leave exactly one result',
      withStore(async (store) => {
        const c = makeCase('a');
        await store.createRun(makeRun({ id: 'race' }), [c]);
        const wins = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            store.putResultOnce(makeResult('race', c, { verdict: 'refusal', confidence: 0.9, judge: `j${i}` })),
          ),
        );
        expect(wins.filter(Boolean)).toHaveLength(1);
        expect(await store.countResults('race')).toBe(1);
      }),
    );

    it(
      'caches responses by key, replacing on rewrite',
      withStore(async (store) => {
        expect(await store.cacheGet('k')).toBeUndefined();
        await store.cachePut('k', makeResponse('hello'));
        await store.cachePut('k', makeResponse('hello again'));
        expect((await store.cacheGet('k'))?.text).toBe('hello again');
      }),
    );

    it(
      'upserts audit marks by prompt hash',
      withStore(async (store) => {
        const mark = { promptHash: 'h', prompt: 'p', status: 'clean' as const, score: 0.125, evidence: [], auditedAt: 'now' };
        await store.putAuditMarks([mark]);
        expect((await store.auditMarks()).get('h')).toMatchObject({ status: 'clean', score: 0.125 });
        await store.putAuditMarks([{ ...mark, status: 'contaminated', score: 1, evidence: [{ detector: 'exact' }] }]);
        expect((await store.auditMarks()).get('h')).toMatchObject({ status: 'contaminated', score: 1, evidence: [{ detector: 'exact' }] });
        expect((await store.auditMarks()).size).toBe(1);
      }),
    );
  });
}
