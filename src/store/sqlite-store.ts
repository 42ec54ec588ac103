import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import {
  caseResultSchema,
  drillCaseSchema,
  runRecordSchema,
  targetResponseSchema,
  type CaseResult,
  type DrillCase,
  type RunRecord,
  type RunStatus,
  type TargetResponse,
} from '../spec/index.js';
import type { AuditMark, Store } from './store.js';

interface BodyRow {
  body: string;
}

const auditEvidence = z.array(z.unknown());

/** The Store over one better-sqlite3 connection; statements are prepared once. */
export function createSqliteStore(db: Database, path: string): Store {
  const s = {
    insertRun: db.prepare('INSERT INTO runs (id, created_at, status, record) VALUES (?, ?, ?, ?)'),
    updateRun: db.prepare('UPDATE runs SET status = ?, record = ? WHERE id = ?'),
    insertCase: db.prepare('INSERT OR IGNORE INTO cases (run_id, case_id, ord, body) VALUES (?, ?, ?, ?)'),
    runById: db.prepare<[string], { record: string }>('SELECT record FROM runs WHERE id = ?'),
    runsByPrefix: db.prepare<[string], { record: string }>(
      "SELECT record FROM runs WHERE id LIKE ? || '%' ORDER BY created_at DESC LIMIT 2",
    ),
    latestRun: db.prepare<[], { record: string }>('SELECT record FROM runs ORDER BY created_at DESC, rowid DESC LIMIT 1'),
    allRuns: db.prepare<[], { record: string }>('SELECT record FROM runs ORDER BY created_at DESC, rowid DESC'),
    cases: db.prepare<[string], BodyRow>('SELECT body FROM cases WHERE run_id = ? ORDER BY ord'),
    pending: db.prepare<[string], BodyRow>(
      'SELECT c.body FROM cases c LEFT JOIN results r ON r.run_id = c.run_id AND r.case_id = c.case_id WHERE c.run_id = ? AND r.case_id IS NULL ORDER BY c.ord',
    ),
    putResult: db.prepare('INSERT OR REPLACE INTO results (run_id, case_id, verdict, body, finished_at) VALUES (?, ?, ?, ?, ?)'),
    results: db.prepare<[string], BodyRow>(
      'SELECT r.body FROM results r JOIN cases c ON c.run_id = r.run_id AND c.case_id = r.case_id WHERE r.run_id = ? ORDER BY c.ord',
    ),
    cacheGet: db.prepare<[string], BodyRow>('SELECT body FROM response_cache WHERE key = ?'),
    cachePut: db.prepare('INSERT OR REPLACE INTO response_cache (key, body, created_at) VALUES (?, ?, ?)'),
    putMark: db.prepare(
      'INSERT OR REPLACE INTO audit_marks (prompt_hash, prompt, status, score, evidence, audited_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    marks: db.prepare<[], { prompt_hash: string; prompt: string; status: string; score: number; evidence: string; audited_at: string }>(
      'SELECT * FROM audit_marks',
    ),
  };
  const parseRun = (row: { record: string } | undefined): RunRecord | undefined =>
    row ? runRecordSchema.parse(JSON.parse(row.record)) : undefined;

  return {
    path,
    db,
    createRun(run: RunRecord, cases: DrillCase[]): void {
      db.transaction(() => {
        s.insertRun.run(run.id, run.createdAt, run.status, JSON.stringify(run));
        cases.forEach((c, i) => s.insertCase.run(run.id, c.id, i, JSON.stringify(c)));
      })();
    },
    getRun(ref: string): RunRecord | undefined {
      if (ref === 'latest') return parseRun(s.latestRun.get());
      const exact = s.runById.get(ref);
      if (exact) return parseRun(exact);
      const matches = s.runsByPrefix.all(ref);
      return matches.length === 1 ? parseRun(matches[0]) : undefined;
    },
    listRuns: () => s.allRuns.all().map((r) => runRecordSchema.parse(JSON.parse(r.record))),
    cases: (runId) => s.cases.all(runId).map((r) => drillCaseSchema.parse(JSON.parse(r.body))),
    pendingCases: (runId) => s.pending.all(runId).map((r) => drillCaseSchema.parse(JSON.parse(r.body))),
    putResult(result: CaseResult): void {
      s.putResult.run(result.runId, result.caseId, result.judgement.verdict, JSON.stringify(result), result.finishedAt);
    },
    putResults(results: CaseResult[]): void {
      db.transaction(() => {
        for (const r of results) s.putResult.run(r.runId, r.caseId, r.judgement.verdict, JSON.stringify(r), r.finishedAt);
      })();
    },
    results: (runId) => s.results.all(runId).map((r) => caseResultSchema.parse(JSON.parse(r.body))),
    finishRun(runId: string, status: RunStatus): void {
      const run = parseRun(s.runById.get(runId));
      if (!run) return;
      const finishedAt = status === 'running' ? null : new Date().toISOString();
      s.updateRun.run(status, JSON.stringify({ ...run, status, finishedAt }), runId);
    },
    cacheGet(key: string): TargetResponse | undefined {
      const row = s.cacheGet.get(key);
      return row ? targetResponseSchema.parse(JSON.parse(row.body)) : undefined;
    },
    cachePut(key: string, response: TargetResponse): void {
      s.cachePut.run(key, JSON.stringify(response), new Date().toISOString());
    },
    putAuditMarks(marks: AuditMark[]): void {
      db.transaction(() => {
        for (const m of marks) s.putMark.run(m.promptHash, m.prompt, m.status, m.score, JSON.stringify(m.evidence), m.auditedAt);
      })();
    },
    auditMarks(): Map<string, AuditMark> {
      const out = new Map<string, AuditMark>();
      for (const r of s.marks.all()) {
        const status = r.status === 'contaminated' ? 'contaminated' : 'clean';
        out.set(r.prompt_hash, {
          promptHash: r.prompt_hash,
          prompt: r.prompt,
          status,
          score: r.score,
          evidence: auditEvidence.parse(JSON.parse(r.evidence)),
          auditedAt: r.audited_at,
        });
      }
      return out;
    },
    close: () => db.close(),
  };
}
