import type { CaseResult, DrillCase, RunRecord, RunStatus, TargetResponse } from '../../spec/index.js';
import type { AuditMark } from '../store.js';

export type AsyncStoreDialect = 'sqlite' | 'postgres';

/**
 * The Store's operations, Promise-returning, for team mode: one implementation on Kysely speaks
 * both SQLite and Postgres, so several machines can share one Postgres database.
 */
export interface AsyncStore {
  readonly dialect: AsyncStoreDialect;
  /** A file path, or the Postgres URL with its password masked. */
  readonly path: string;
  createRun(run: RunRecord, cases: DrillCase[]): Promise<void>;
  /** A full id, a unique prefix, or `latest`. */
  getRun(ref: string): Promise<RunRecord | undefined>;
  listRuns(): Promise<RunRecord[]>;
  cases(runId: string): Promise<DrillCase[]>;
  case(runId: string, caseId: string): Promise<DrillCase | undefined>;
  pendingCases(runId: string): Promise<DrillCase[]>;
  /** Writes or replaces the case's result (like the SQLite Store). */
  putResult(result: CaseResult): Promise<void>;
  /** Writes the result only when the case has none yet; false when another writer got there first. */
  putResultOnce(result: CaseResult): Promise<boolean>;
  hasResult(runId: string, caseId: string): Promise<boolean>;
  countResults(runId: string): Promise<number>;
  results(runId: string): Promise<CaseResult[]>;
  finishRun(runId: string, status: RunStatus): Promise<void>;
  cacheGet(key: string): Promise<TargetResponse | undefined>;
  cachePut(key: string, response: TargetResponse): Promise<void>;
  putAuditMarks(marks: AuditMark[]): Promise<void>;
  auditMarks(): Promise<Map<string, AuditMark>>;
  close(): Promise<void>;
}
