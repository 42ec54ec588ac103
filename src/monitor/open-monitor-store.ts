import { isPostgresUrl } from '../store/kysely/db-ref.js';
import { openStore } from '../store/open-store.js';
import type { MonitorStore } from './monitor-store.js';
import { sqliteMonitorStore } from './sqlite-monitor-store.js';

/** The monitor's store: a `postgres://` URL (shared by several instances) or a SQLite file. */
export async function openMonitorStore(ref: string): Promise<MonitorStore> {
  if (isPostgresUrl(ref)) {
    // Team-mode libraries load only when a Postgres URL is given.
    const { openPgMonitorStore } = await import('./pg/pg-monitor-store.js');
    return openPgMonitorStore(ref);
  }
  const store = openStore(ref);
  return sqliteMonitorStore(store, { close: () => store.close() });
}
