/** Tables the distributed mode owns beside the core store (namespace `distributed`). */
export interface QueuedRunsTable {
  run_id: string;
  /** `queued` while workers may take its cases, `cancelled` once anyone cancelled it. */
  state: string;
  /** Requests per minute for the run's target, shared by every worker; null for no limit. */
  rpm: number | null;
  /** Seconds a worker may hold one case before the queue hands it to another. */
  job_timeout_s: number;
  updated_at: string;
}

export interface RateSlotsTable {
  target_id: string;
  /** Epoch ms of the next free request slot, on the database's clock (one clock for all machines). */
  next_ms: number;
}

export interface DistTables {
  queued_runs: QueuedRunsTable;
  rate_slots: RateSlotsTable;
}
