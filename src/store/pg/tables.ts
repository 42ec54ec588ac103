/** Row shapes of the core tables as Kysely sees them; records are JSON text validated by zod on read. */
export interface RunsTable {
  id: string;
  created_at: string;
  status: string;
  record: string;
}

export interface CasesTable {
  run_id: string;
  case_id: string;
  ord: number;
  body: string;
}

export interface ResultsTable {
  run_id: string;
  case_id: string;
  verdict: string;
  body: string;
  finished_at: string;
}

export interface ResponseCacheTable {
  key: string;
  body: string;
  created_at: string;
}

export interface AuditMarksTable {
  prompt_hash: string;
  prompt: string;
  status: string;
  score: number;
  evidence: string;
  audited_at: string;
}

export interface RunContextsTable {
  run_id: string;
  body: string;
}

export interface CoreTables {
  runs: RunsTable;
  cases: CasesTable;
  results: ResultsTable;
  response_cache: ResponseCacheTable;
  audit_marks: AuditMarksTable;
  run_contexts: RunContextsTable;
}
