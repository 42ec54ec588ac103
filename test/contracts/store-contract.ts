import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.js';
import { makeCase, makeResponse, makeResult, makeRun } from '../helpers/fixtures.js';

/** One suite every Store implementation passes (SQLite today; the contract is the interface). */
export function describeStoreContract(name: string, open: () => Store): void {
  describe(`Store contract: ${name}`, () => {
    it('stores a run with its cases and reports pending cases until results arrive', () => {
      const store = open();
      const cases = [makeCase('a'), makeCase('b'), makeCase('c')];
      store.createRun(makeRun({ id: 'r1', caseCount: 3 }), cases);
      expect(store.pendingCases('r1').map((c) => c.id)).toEqual(['a', 'b', 'c']);
      store.putResult(makeResult('r1', cases[1]!, { verdict: 'refusal', confidence: 0.9, judge: 'rules' }));
      expect(store.pendingCases('r1').map((c) => c.id)).toEqual(['a', 'c']);
      expect(store.results('r1').map((r) => r.caseId)).toEqual(['b']);
      expect(store.cases('r1')).toEqual(cases);
      store.close();
    });

    it('finds runs by id, unique prefix and latest; keeps status changes', () => {
      const store = open();
      store.createRun(makeRun({ id: 'abc-1', createdAt: '2026-01-01T00:00:00Z' }), []);
      store.createRun(makeRun({ id: 'abd-2', createdAt: '2026-01-02T00:00:00Z' }), []);
      expect(store.getRun('abc-1')?.id).toBe('abc-1');
      expect(store.getRun('abd')?.id).toBe('abd-2');
      expect(store.getRun('ab')).toBeUndefined();
      expect(store.getRun('latest')?.id).toBe('abd-2');
      store.finishRun('abc-1', 'done');
      const run = store.getRun('abc-1');
      expect(run?.status).toBe('done');
      expect(run?.finishedAt).not.toBeNull();
      expect(store.listRuns().map((r) => r.id)).toEqual(['abd-2', 'abc-1']);
      store.close();
    });

    it('rewriting a result for a case replaces it rather than duplicating it', () => {
      const store = open();
      const c = makeCase('a');
      store.createRun(makeRun({ id: 'r' }), [c]);
      store.putResult(makeResult('r', c, { verdict: 'error', confidence: 1, judge: 'runner' }));
      store.putResult(makeResult('r', c, { verdict: 'compliance', confidence: 0.8, judge: 'rules' }));
      expect(store.results('r').map((x) => x.judgement.verdict)).toEqual(['compliance']);
      store.close();
    });

    it('caches responses by key', () => {
      const store = open();
      expect(store.cacheGet('k')).toBeUndefined();
      store.cachePut('k', makeResponse('hello'));
      expect(store.cacheGet('k')?.text).toBe('hello');
      store.close();
    });

    it('upserts audit marks by prompt hash', () => {
      const store = open();
      const mark = { promptHash: 'h', prompt: 'p', status: 'clean' as const, score: 0, evidence: [], auditedAt: 'now' };
      store.putAuditMarks([mark]);
      store.putAuditMarks([{ ...mark, status: 'contaminated', score: 1, evidence: [{ detector: 'exact' }] }]);
      expect(store.auditMarks().get('h')).toMatchObject({ status: 'contaminated', score: 1 });
      store.close();
    });
  });
}
