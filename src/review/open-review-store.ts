import type { MonitorStore } from '../monitor/monitor-store.js';
import { sqliteMonitorStore } from '../monitor/sqlite-monitor-store.js';
import { isPostgresUrl } from '../store/kysely/db-ref.js';
import { openStore } from '../store/open-store.js';
import type { AsyncStore } from '../store/kysely/async-store.js';
import type { Store } from '../store/store.js';
import type { ReviewStore } from './review-store.js';
import { sqliteReviewStore } from './sqlite-review-store.js';

export interface OpenedMonitorAndReview {
  monitor: MonitorStore;
  review: ReviewStore;
  /** Runs on Postgres (the team store on the same connection); on SQLite read through `store`. */
  runs?: AsyncStore;
  /** The local SQLite store (runs too); absent on Postgres. */
  store?: Store;
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
      import('../monitor/pg/pg-monitor-store.js'),
      import('./pg/pg-review-store.js'),
      import('./pg/pg-review-migrations.js'),
    ]);
    const opened = await openPgMonitorDb(ref);
    await opened.migrate('review', pgReviewMigrations);
    const monitor = pgMonitorStore(opened.db, opened.path, opened.close);
    return { monitor, review: pgReviewStore(opened.db), runs: opened.store, close: monitor.close };
  }
  const store = openStore(ref);
  const monitor = sqliteMonitorStore(store, { close: () => store.close() });
  return { monitor, review: sqliteReviewStore(store.db), store, close: monitor.close };
}
