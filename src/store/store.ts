import type { Database } from 'better-sqlite3';
import type { CaseResult, DrillCase, RunRecord, RunStatus, TargetResponse } from '../spec/index.js';

export interface AuditMark {
  promptHash: string;
  prompt: string;
  status: 'contaminated' | 'clean';
  score: number;
  evidence: unknown[];
  auditedAt: string;
}

/** Runs, cases, judged results, the response cache and audit marks, in one SQLite file. */
export interface Store {
  readonly path: string;
  /** For module-owned tables (monitor, review) with `applyMigrations`. */
  readonly db: Database;
  createRun(run: RunRecord, cases: DrillCase[]): void;
  /** A full id, a unique prefix, or `latest`. */
  getRun(ref: string): RunRecord | undefined;
  listRuns(): RunRecord[];
  cases(runId: string): DrillCase[];
  pendingCases(runId: string): DrillCase[];
  putResult(result: CaseResult): void;
  /** Several results in one transaction. */
  putResults(results: CaseResult[]): void;
  results(runId: string): CaseResult[];
  finishRun(runId: string, status: RunStatus): void;
  cacheGet(key: string): TargetResponse | undefined;
  cachePut(key: string, response: TargetResponse): void;
  putAuditMarks(marks: AuditMark[]): void;
  auditMarks(): Map<string, AuditMark>;
  close(): void;
}
