import type { WindowQuery } from './compute-windows.js';
import type { Incident, IncidentEvent, StoredIncident } from './incident.js';
import type { IncidentQuery } from './incident-row.js';
import type { MonitorConfig } from './monitor-config.js';
import type { RecordRow } from './prepare-chunk.js';
import type { WindowStats } from './window-stats.js';

export interface IngestTotals {
  finishedAt: string | null;
  lines: number;
  inserted: number;
  duplicates: number;
  malformed: number;
  errors: unknown[];
}

/**
 * Where the monitor keeps records, windows, incidents and its settings: a SQLite file on one machine,
 * or a shared Postgres that several `serve` instances and ingests write into at once. Record ids
 * are content hashes, and incidents are reconciled under a lock, so concurrent writers never count
 * a record or report an incident's change twice.
 */
export interface MonitorStore {
  readonly kind: 'sqlite' | 'postgres';
  /** A file path, or the Postgres URL with its password masked. */
  readonly path: string;
  /** Whether a record is stored, answered at once (SQLite); spares re-judging a re-run's records. */
  readonly exists?: (id: string) => boolean;
  /** The SQLite file that ingest worker threads may open read-only for the same look-up. */
  readonly file?: string;
  readConfig(): Promise<MonitorConfig>;
  writeConfig(patch: Partial<MonitorConfig>): Promise<MonitorConfig>;
  beginIngest(source: string): Promise<number>;
  /** Writes the rows in one transaction; returns how many were new (the rest were stored already). */
  insertRecords(rows: RecordRow[], meta: { source: string; judge: string; ingestId: number }): Promise<number>;
  finishIngest(ingestId: number, totals: IngestTotals): Promise<void>;
  windows(q: WindowQuery): Promise<WindowStats[]>;
  /**
   * Brings the stored incidents of `scope` in line with those the records now show (see
   * plan-incidents.ts), atomically; returns the events this call caused (none when another writer
   * got there first).
   */
  applyIncidents(scope: string, computed: Incident[], options: { minEffect: number }): Promise<IncidentEvent[]>;
  listIncidents(q?: IncidentQuery): Promise<StoredIncident[]>;
  /** Marks incidents seen; they stay open until the metric is back in band. */
  ackIncidents(ids: number[] | 'all'): Promise<number>;
  countRecords(): Promise<number>;
  /** Records flagged as leaks: findings, each in the review queue. */
  countLeaks(): Promise<number>;
  close(): Promise<void>;
}
