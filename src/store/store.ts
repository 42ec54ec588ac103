import type { CaseResult, DrillCase, RunContext, RunOutcome, RunRecord, RunStatus, TargetResponse, Verdict } from '../spec/index.js';

/**
 * Which stored answers a run may read back: always its own (a resumed run, a worker picking up a
 * multi-turn case), plus those of one other run (`--reuse <id>`) or of any (`--cache`).
 */
export interface CacheScope {
  runId: string;
  /** `any`, or the id of one run whose answers may be reused. */
  reuse?: string;
}

/** What the response cache holds, per run that asked. */
export interface CacheStats {
  entries: number;
  runs: Array<{ runId: string; entries: number; newest: string }>;
}

/** Results per page of `Store.resultPages`: big enough to amortise a query, small enough to hold. */
export const RESULT_PAGE = 500;

/** Which of a run's results `queryResults` and `countResults` take. */
export interface ResultFilter {
  verdict?: Verdict;
  /** Case ids that start with this, taken literally: `pack/principle/intent/` is one intent's cases. */
  caseIdPrefix?: string;
}

/**
 * One bounded page of a run's results: those after a position in the plan (keyset on the plan
 * order, so page 2,000 costs what page 1 does), or, with `before`, the page that ends just before
 * one (paging back). `before` wins when both are given.
 */
export interface ResultQuery extends ResultFilter {
  after?: number;
  before?: number;
  limit: number;
}

/** A result with its position in the run's plan (0-based). */
export interface PlacedResult {
  ord: number;
  result: CaseResult;
}

export interface AuditMark {
  promptHash: string;
  prompt: string;
  status: 'contaminated' | 'clean';
  score: number;
  evidence: unknown[];
  auditedAt: string;
}

/**
 * Runs, their cases and context, judged results, the response cache and audit marks. One
 * interface for a SQLite file on one machine and a shared Postgres for a team; both pass
 * test/contracts/store-contract.ts. It hands out no connection: modules that own tables of
 * their own open them beside it (see `openSqliteFile`, `openPostgres`).
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** A file path, or the Postgres URL with its password masked. */
  readonly path: string;
  /** Stores a new run with its planned cases (in order) and the judge's context snapshot. */
  createRun(run: RunRecord, cases: DrillCase[], context: RunContext): Promise<void>;
  /** A full id, a unique prefix, or `latest`. */
  getRun(ref: string): Promise<RunRecord | undefined>;
  listRuns(): Promise<RunRecord[]>;
  /** Sets the status; `running` clears finishedAt (a resumed run), any other sets it. */
  setRunStatus(runId: string, status: RunStatus): Promise<void>;
  /** Records how a finished run went (its status, answers asked and reused, headline figures, gate). */
  finishRun(runId: string, o: { status: RunStatus; outcome: RunOutcome }): Promise<void>;
  /** Ids starting with `prefix`, newest first, at most `limit`: an ambiguous reference names its matches. */
  runIdsByPrefix(prefix: string, limit: number): Promise<string[]>;
  /** Undefined for runs stored before snapshots were kept. */
  runContext(runId: string): Promise<RunContext | undefined>;
  cases(runId: string): Promise<DrillCase[]>;
  case(runId: string, caseId: string): Promise<DrillCase | undefined>;
  /** Cases without a result, in plan order. */
  pendingCases(runId: string): Promise<DrillCase[]>;
  /** The same, `pageSize` (default 500) at a time: the runner never holds a large run's plan. */
  pendingCasePages(runId: string, o?: { pageSize?: number }): AsyncIterable<DrillCase[]>;
  /**
   * Stores results in one transaction. The first result stored for a case wins: another is
   * ignored (a redelivered job, two workers), so a case is never counted twice. Returns how
   * many were new.
   */
  putResults(results: CaseResult[]): Promise<number>;
  /** Whether the case has a result (a worker skips a case another finished). */
  hasResult(runId: string, caseId: string): Promise<boolean>;
  /** The run's results, or those `filter` takes. */
  countResults(runId: string, filter?: ResultFilter): Promise<number>;
  /** In plan order. A large run is better read with `resultPages`. */
  results(runId: string): Promise<CaseResult[]>;
  /** In plan order, `pageSize` (default 500) at a time: a run of any size is read without holding it all. */
  resultPages(runId: string, o?: { pageSize?: number }): AsyncIterable<CaseResult[]>;
  /** At most `q.limit` results `q` takes, in plan order: the dashboard's transcript browser reads a run this way. */
  queryResults(runId: string, q: ResultQuery): Promise<PlacedResult[]>;
  /** The newest answer to `key` within `scope`, the run's own first. */
  cacheGet(key: string, scope: CacheScope): Promise<TargetResponse | undefined>;
  /** Keeps an answer `runId` got; one per key and run. */
  cachePut(key: string, runId: string, response: TargetResponse): Promise<void>;
  cacheStats(): Promise<CacheStats>;
  /** Forgets kept answers (of one run, or all); returns how many. Runs and their results stay. */
  cacheClear(o?: { runId?: string }): Promise<number>;
  putAuditMarks(marks: AuditMark[]): Promise<void>;
  auditMarks(): Promise<Map<string, AuditMark>>;
  close(): Promise<void>;
}
