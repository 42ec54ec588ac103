import { describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import type { RunContext } from '../../src/spec/index.js';
import { makeCase, makeResponse, makeResult, makeRun } from '../helpers/fixtures.js';

const CONTEXT: RunContext = {
  principles: { 'p/pr': { id: 'pr', statement: 'No harm.', terms: ['harm'] } },
  leaks: { 'p/pr/in': ['step 1'] },
};

/**
 * One suite every Store passes, through the one entry point (`openStore`): a SQLite file, and a
 * Postgres when a server is given. `fresh()` names a new, empty store each time it is called.
 */
export function describeStoreContract(name: string, fresh: () => string, options: { skip?: string } = {}): void {
  describe.skipIf(options.skip !== undefined)(`Store contract: ${name}${options.skip ? ` (skipped: ${options.skip})` : ''}`, () => {
    const withStore = (fn: (store: Store, ref: string) => Promise<void>) => async () => {
      const ref = fresh();
      const store = await openStore(ref);
      try {
        await fn(store, ref);
      } finally {
        await store.close();
      }
    };
    const refusal = (judge = 'rules') => ({ verdict: 'refusal' as const, confidence: 0.9, judge });

    it(
      'stores a run with its cases and context, and reports pending cases until results arrive',
      withStore(async (store) => {
        const cases = [makeCase('a'), makeCase('b'), makeCase('c')];
        await store.createRun(makeRun({ id: 'r1', caseCount: 3 }), cases, CONTEXT);
        expect((await store.pendingCases('r1')).map((c) => c.id)).toEqual(['a', 'b', 'c']);
        expect(await store.putResults([makeResult('r1', cases[1]!, refusal())])).toBe(1);
        expect((await store.pendingCases('r1')).map((c) => c.id)).toEqual(['a', 'c']);
        expect((await store.results('r1')).map((r) => r.caseId)).toEqual(['b']);
        expect(await store.cases('r1')).toEqual(cases);
        expect((await store.case('r1', 'c'))?.turns[0]?.content).toBe('prompt c');
        expect(await store.case('r1', 'zzz')).toBeUndefined();
        expect(await store.countResults('r1')).toBe(1);
        expect(await store.runContext('r1')).toEqual(CONTEXT);
        expect(await store.runContext('nope')).toBeUndefined();
      }),
    );

    it(
      'keeps case and result order across more cases than one insert statement holds',
      withStore(async (store) => {
        const cases = Array.from({ length: 1203 }, (_, i) => makeCase(`c${String(1202 - i).padStart(4, '0')}`));
        await store.createRun(makeRun({ id: 'big', caseCount: cases.length }), cases, CONTEXT);
        expect((await store.cases('big')).map((c) => c.id)).toEqual(cases.map((c) => c.id));
        expect(await store.putResults([...cases].reverse().map((c) => makeResult('big', c, refusal())))).toBe(cases.length);
        expect((await store.results('big')).map((r) => r.caseId)).toEqual(cases.map((c) => c.id));
      }),
    );

    it(
      'reads results, and pending cases, back a page at a time in plan order',
      withStore(async (store) => {
        const cases = Array.from({ length: 23 }, (_, i) => makeCase(`p${String(22 - i).padStart(2, '0')}`));
        await store.createRun(makeRun({ id: 'paged', caseCount: cases.length }), cases, CONTEXT);
        const done = cases.filter((_, i) => i % 4 !== 1);
        await store.putResults([...done].reverse().map((c) => makeResult('paged', c, refusal())));
        const pages: string[][] = [];
        for await (const page of store.resultPages('paged', { pageSize: 5 })) pages.push(page.map((r) => r.caseId));
        expect(pages.flat()).toEqual(done.map((c) => c.id));
        expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 2]);
        const pendingPages: string[][] = [];
        for await (const page of store.pendingCasePages('paged', { pageSize: 2 })) pendingPages.push(page.map((c) => c.id));
        expect(pendingPages.flat()).toEqual(cases.filter((_, i) => i % 4 === 1).map((c) => c.id));
        expect(pendingPages.flat()).toEqual((await store.pendingCases('paged')).map((c) => c.id));
      }),
    );

    it(
      'queries a page of results by verdict and case-id prefix, after or before a place in the plan, and counts them',
      withStore(async (store) => {
        // 30 cases over two intents (one id holding % and _), every third an answer; two without a result
        const cases = Array.from({ length: 30 }, (_, i) => makeCase(`p/pr/${i % 2 ? 'in%_' : 'in'}/c${String(29 - i).padStart(2, '0')}`));
        await store.createRun(makeRun({ id: 'q', caseCount: cases.length }), cases, CONTEXT);
        await store.createRun(makeRun({ id: 'other' }), cases, CONTEXT);
        const verdictOf = (i: number) => (i % 3 === 0 ? 'compliance' : 'refusal');
        const done = cases.filter((_, i) => i !== 4 && i !== 25);
        await store.putResults([...done].reverse().map((c) => makeResult('q', c, { ...refusal(), verdict: verdictOf(cases.indexOf(c)) })));
        await store.putResults(cases.map((c) => makeResult('other', c, refusal())));
        const ords = (rows: Array<{ ord: number }>) => rows.map((r) => r.ord);
        const all = await store.queryResults('q', { limit: 100 });
        expect(ords(all)).toEqual(cases.map((_, i) => i).filter((i) => i !== 4 && i !== 25));
        expect(all[0]?.result.caseId).toBe(cases[0]?.id);
        expect(ords(await store.queryResults('q', { after: 4, limit: 3 }))).toEqual([5, 6, 7]);
        expect(ords(await store.queryResults('q', { before: 7, limit: 3 }))).toEqual([3, 5, 6]);
        expect(ords(await store.queryResults('q', { before: 0, limit: 3 }))).toEqual([]);
        expect(ords(await store.queryResults('q', { verdict: 'compliance', after: 3, limit: 4 }))).toEqual([6, 9, 12, 15]);
        const oddIntent = await store.queryResults('q', { caseIdPrefix: 'p/pr/in%_/', before: 29, limit: 3 });
        expect(ords(oddIntent)).toEqual([21, 23, 27]);
        expect(ords(await store.queryResults('q', { caseIdPrefix: 'p/pr/in%_/', verdict: 'compliance', limit: 10 }))).toEqual([
          3, 9, 15, 21, 27,
        ]);
        // % and _ are taken literally, never as patterns
        expect(await store.queryResults('q', { caseIdPrefix: 'p/pr/i%', limit: 10 })).toEqual([]);
        expect(await store.countResults('q')).toBe(28);
        expect(await store.countResults('q', { verdict: 'compliance' })).toBe(10);
        expect(await store.countResults('q', { caseIdPrefix: 'p/pr/in/' })).toBe(14);
        expect(await store.countResults('q', { caseIdPrefix: 'p/pr/in/', verdict: 'refusal' })).toBe(9);
        expect(await store.countResults('q', { caseIdPrefix: 'p/pr/in_' })).toBe(0);
      }),
    );

    it(
      'finds runs by id, unique prefix (taken literally) and latest; a status change sets or clears finishedAt',
      withStore(async (store) => {
        await store.createRun(makeRun({ id: 'abc-1', createdAt: '2026-01-01T00:00:00Z' }), [], CONTEXT);
        await store.createRun(makeRun({ id: 'abd-2', createdAt: '2026-01-02T00:00:00Z' }), [], CONTEXT);
        await store.createRun(makeRun({ id: 'x%_y', createdAt: '2025-01-01T00:00:00Z' }), [], CONTEXT);
        expect((await store.getRun('abc-1'))?.id).toBe('abc-1');
        expect((await store.getRun('abd'))?.id).toBe('abd-2');
        expect(await store.getRun('ab')).toBeUndefined();
        expect(await store.getRun('x%')).toMatchObject({ id: 'x%_y' });
        expect(await store.getRun('%')).toBeUndefined();
        expect((await store.getRun('latest'))?.id).toBe('abd-2');
        await store.setRunStatus('abc-1', 'done');
        expect(await store.getRun('abc-1')).toMatchObject({ status: 'done', finishedAt: expect.any(String) });
        await store.setRunStatus('abc-1', 'running');
        expect(await store.getRun('abc-1')).toMatchObject({ status: 'running', finishedAt: null });
        expect((await store.listRuns()).map((r) => r.id)).toEqual(['abd-2', 'abc-1', 'x%_y']);
      }),
    );

    it(
      'the first result stored for a case wins, and a batch says how many were new',
      withStore(async (store) => {
        const [a, b] = [makeCase('a'), makeCase('b')];
        await store.createRun(makeRun({ id: 'r' }), [a, b], CONTEXT);
        expect(await store.putResults([makeResult('r', a, { verdict: 'error', confidence: 1, judge: 'runner' })])).toBe(1);
        const again = [makeResult('r', a, { verdict: 'compliance', confidence: 0.8, judge: 'rules' }), makeResult('r', b, refusal())];
        expect(await store.putResults(again)).toBe(1);
        expect((await store.results('r')).map((x) => x.judgement.verdict)).toEqual(['error', 'refusal']);
        expect(await store.countResults('r')).toBe(2);
        expect(await store.hasResult('r', 'b')).toBe(true);
        expect(await store.hasResult('r', 'zzz')).toBe(false);
      }),
    );

    it(
      'concurrent writers of one case leave exactly one result',
      withStore(async (store) => {
        const c = makeCase('a');
        await store.createRun(makeRun({ id: 'race' }), [c], CONTEXT);
        const wins = await Promise.all(Array.from({ length: 8 }, (_, i) => store.putResults([makeResult('race', c, refusal(`j${i}`))])));
        expect(wins.reduce((a, b) => a + b, 0)).toBe(1);
        expect(await store.countResults('race')).toBe(1);
      }),
    );

    it(
      'keeps answers per asking run: a run reads its own, another run only when named or with any; clear forgets them',
      withStore(async (store) => {
        expect(await store.cacheGet('k', { runId: 'a' })).toBeUndefined();
        await store.cachePut('k', 'a', makeResponse('hello'));
        await store.cachePut('k', 'a', makeResponse('hello again'));
        expect((await store.cacheGet('k', { runId: 'a' }))?.text).toBe('hello again');
        expect(await store.cacheGet('k', { runId: 'b' })).toBeUndefined();
        expect((await store.cacheGet('k', { runId: 'b', reuse: 'a' }))?.text).toBe('hello again');
        expect(await store.cacheGet('k', { runId: 'b', reuse: 'c' })).toBeUndefined();
        await store.cachePut('k', 'b', makeResponse('from b'));
        expect((await store.cacheGet('k', { runId: 'c', reuse: 'any' }))?.text).toBe('from b');
        expect((await store.cacheGet('k', { runId: 'a', reuse: 'any' }))?.text).toBe('hello again');
        await store.cachePut('k2', 'b', makeResponse('other'));
        expect(await store.cacheStats()).toMatchObject({
          entries: 3,
          runs: expect.arrayContaining([{ runId: 'a', entries: 1, newest: expect.any(String) }]),
        });
        expect(await store.cacheClear({ runId: 'b' })).toBe(2);
        expect(await store.cacheGet('k2', { runId: 'b' })).toBeUndefined();
        expect(await store.cacheClear()).toBe(1);
        expect((await store.cacheStats()).entries).toBe(0);
      }),
    );

    it(
      'records how a finished run went and names every run an ambiguous prefix matches',
      withStore(async (store) => {
        await store.createRun(makeRun({ id: 'run-a1', createdAt: '2026-01-01T00:00:00Z' }), [], CONTEXT);
        await store.createRun(makeRun({ id: 'run-a2', createdAt: '2026-01-02T00:00:00Z' }), [], CONTEXT);
        const outcome = { asked: 3, reused: 1, results: 2, errors: 0, headline: { hold_rate: 0.5, over_refusal_rate: null } };
        await store.finishRun('run-a1', { status: 'failed', outcome });
        expect(await store.getRun('run-a1')).toMatchObject({ status: 'failed', finishedAt: expect.any(String), outcome });
        expect(await store.runIdsByPrefix('run-a', 10)).toEqual(['run-a2', 'run-a1']);
        expect(await store.runIdsByPrefix('run-a', 1)).toEqual(['run-a2']);
        expect(await store.runIdsByPrefix('zzz', 10)).toEqual([]);
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

    it(
      're-opening applies no migration twice and keeps what was stored',
      withStore(async (store, ref) => {
        await store.createRun(makeRun({ id: 'kept' }), [makeCase('a')], CONTEXT);
        const again = await openStore(ref);
        try {
          expect((await again.getRun('kept'))?.id).toBe('kept');
          expect(await again.runContext('kept')).toEqual(CONTEXT);
        } finally {
          await again.close();
        }
      }),
    );
  });
}
