import type { AlertQuery, StoredAlert } from './alert-store.js';
import type { WindowQuery } from './compute-windows.js';
import type { DriftAlert } from './detect-drift.js';
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
 * Where the monitor keeps records, windows, alerts and its settings: a SQLite file on one machine,
 * or a shared Postgres that several `serve` instances and ingests write into at once. Record ids
 * are content hashes and alert keys are unique, so concurrent writers never count a record or
 * raise an alert twice.
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
  /** Stores alerts not raised before; returns only those this call created. */
  saveAlerts(alerts: DriftAlert[], scope: string): Promise<StoredAlert[]>;
  listAlerts(q?: AlertQuery): Promise<StoredAlert[]>;
  ackAlerts(ids: number[] | 'all'): Promise<number>;
  markNotified(ids: number[]): Promise<void>;
  countRecords(): Promise<number>;
  close(): Promise<void>;
}
