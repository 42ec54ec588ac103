import type { AuditMarkRow, ResultRow } from '../rows.js';

/** Row shapes of the core tables as Kysely sees them; records are JSON text validated by zod on read. */
export interface CoreTables {
  runs: { id: string; created_at: string; status: string; record: string };
  cases: { run_id: string; case_id: string; ord: number; body: string };
  results: ResultRow;
  response_cache: { key: string; run_id: string; body: string; created_at: string };
  audit_marks: AuditMarkRow;
  run_contexts: { run_id: string; body: string };
}
