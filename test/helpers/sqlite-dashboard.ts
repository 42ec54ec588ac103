import { sqliteMonitorStore } from '../../src/monitor/index.js';
import { sqliteReviewStore } from '../../src/review/index.js';
import { startDashboard, type DashboardOptions, type DashboardServer } from '../../src/server/index.js';
import { sqliteStore, type SqliteFile, type Store } from '../../src/store/index.js';

/** The dashboard over one SQLite file, as `serve` composes it: monitor, review queue and runs on one connection. */
export async function startSqliteDashboard(
  file: SqliteFile,
  options: Omit<DashboardOptions, 'monitor' | 'review' | 'runs'>,
): Promise<{ server: DashboardServer; runs: Store }> {
  const runs = sqliteStore(file);
  const server = await startDashboard({ monitor: sqliteMonitorStore(file), review: sqliteReviewStore(file.db), runs, ...options });
  return { server, runs };
}
