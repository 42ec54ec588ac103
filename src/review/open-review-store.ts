import type { MonitorStore } from '../monitor/index.js';
import { sqliteMonitorStore } from '../monitor/index.js';
import { isPostgresUrl, openSqliteFile, sqliteStore, type Store } from '../store/index.js';
import type { ReviewStore } from './review-store.js';
import { sqliteReviewStore } from './sqlite-review-store.js';

export interface OpenedMonitorAndReview {
  monitor: MonitorStore;
  review: ReviewStore;
  /** Runs and results, on the same connection. */
  runs: Store;
  /** Closes the connection (the same as `monitor.close()`). */
  close(): Promise<void>;
}

/**
 * The monitor and its review queue on one connection: a SQLite file, or a team's `postgres://` URL
 * (team-mode libraries load only then). Commands that need only the monitor take `.monitor`.
 */
export async function openMonitorAndReview(ref: string): Promise<OpenedMonitorAndReview> {
  if (isPostgresUrl(ref)) {
    const [{ openPgMonitorDb, pgMonitorStore }, { pgReviewStore }, { pgReviewMigrations }] = await Promise.all([
      import('../monitor/pg/index.js'),
      import('./pg/pg-review-store.js'),
      import('./pg/pg-review-migrations.js'),
    ]);
    const opened = await openPgMonitorDb(ref);
    await opened.migrate('review', pgReviewMigrations);
    const monitor = pgMonitorStore(opened.db, opened.path, opened.close);
    return { monitor, review: pgReviewStore(opened.db), runs: opened.store, close: monitor.close };
  }
  const file = openSqliteFile(ref);
  const monitor = sqliteMonitorStore(file, { close: () => file.close() });
  return { monitor, review: sqliteReviewStore(file.db), runs: sqliteStore(file), close: monitor.close };
}
