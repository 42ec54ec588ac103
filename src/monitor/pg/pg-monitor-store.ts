import { sql, type Kysely, type Migration } from 'kysely';
import { StoreError } from '../../spec/index.js';
import { migrateNamespace, openPostgres, type Store } from '../../store/index.js';
import { configFromStored, monitorConfigSchema } from '../monitor-config.js';
import type { MonitorStore } from '../monitor-store.js';
import type { RecordRow } from '../prepare-chunk.js';
import { pgIncidents } from './pg-incidents.js';
import { pgMonitorMigrations } from './pg-monitor-migrations.js';
import { pgWindows } from './pg-windows.js';

/** Postgres takes at most 65,535 parameters a statement; 18 a record. */
const ROWS_PER_INSERT = 2000;

/**
 * The monitor in a shared Postgres, for several `serve` instances and ingests at once. A record's
 * id is its content hash, so `ON CONFLICT DO NOTHING` makes every writer idempotent: the same
 * record posted to two instances is stored once. Incidents are reconciled under a lock, so each
 * change is reported (and webhooked) by one instance only.
 */
export async function openPgMonitorStore(url: string, options: { poolSize?: number } = {}): Promise<MonitorStore> {
  const opened = await openPgMonitorDb(url, options);
  return pgMonitorStore(opened.db, opened.path, opened.close);
}

export interface PgMonitorDb {
  db: Kysely<unknown>;
  /** The team store on the same connection (runs and results). */
  store: Store;
  /** The URL with its password masked. */
  path: string;
  /** For modules with tables of their own next to the monitor's (the review queue). */
  migrate(namespace: string, migrations: Record<string, Migration>): Promise<void>;
  close(): Promise<void>;
}

/** A connection to the team's Postgres with the monitor's tables up to date. */
export async function openPgMonitorDb(url: string, options: { poolSize?: number } = {}): Promise<PgMonitorDb> {
  const opened = await openPostgres(url, { poolSize: options.poolSize ?? 4 });
  const path = opened.store.path;
  const close = () => opened.store.close();
  const migrate = async (namespace: string, migrations: Record<string, Migration>): Promise<void> => {
    try {
      await migrateNamespace(opened.db, namespace, migrations, { schema: opened.schema ?? 'public' });
    } catch (e) {
      await close();
      throw new StoreError(`cannot prepare ${path} for the ${namespace} tables: ${e instanceof Error ? e.message : String(e)}`, {
        cause: e,
      });
    }
  };
  await migrate('monitor', pgMonitorMigrations);
  return { db: opened.db, store: opened.store, path, migrate, close };
}

export function pgMonitorStore(db: Kysely<unknown>, path: string, close: () => Promise<void>): MonitorStore {
  const readConfig = async () => {
    const r = await sql<{ value: string }>`SELECT value FROM monitor_config WHERE key = 'config'`.execute(db);
    return configFromStored(r.rows[0]?.value);
  };
  return {
    kind: 'postgres',
    path,
    readConfig,
    writeConfig: async (patch) => {
      const next = monitorConfigSchema.parse({ ...(await readConfig()), ...patch });
      await sql`INSERT INTO monitor_config (key, value) VALUES ('config', ${JSON.stringify(next)})
        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`.execute(db);
      return next;
    },
    beginIngest: async (source) => {
      const r = await sql<{
        id: number;
      }>`INSERT INTO monitor_ingests (source, started_at) VALUES (${source}, ${new Date().toISOString()}) RETURNING id`.execute(db);
      return Number(r.rows[0]?.id);
    },
    insertRecords: (rows, meta) =>
      db.transaction().execute(async (tx) => {
        let inserted = 0;
        for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
          const values = rows.slice(i, i + ROWS_PER_INSERT).map((w) => recordValues(w, meta));
          const r = await sql`INSERT INTO monitor_records (id, source, line, ts_ms, prompt, response, context, verdict, confidence, judge,
              template_key, signal_bits, latency_ms, match_kind, match_ref, match_sim, flags, ingest_id)
            VALUES ${sql.join(values)} ON CONFLICT (id) DO NOTHING`.execute(tx);
          inserted += Number(r.numAffectedRows ?? 0n);
        }
        return inserted;
      }),
    finishIngest: async (id, t) => {
      await sql`UPDATE monitor_ingests SET finished_at = ${t.finishedAt}, lines = ${t.lines}, inserted = ${t.inserted},
        duplicates = ${t.duplicates}, malformed = ${t.malformed}, errors = ${JSON.stringify(t.errors)} WHERE id = ${id}`.execute(db);
    },
    windows: (q) => pgWindows(db, q),
    ...pgIncidents(db),
    countRecords: async () => {
      const r = await sql<{ n: number }>`SELECT COUNT(*)::float8 AS n FROM monitor_records`.execute(db);
      return r.rows[0]?.n ?? 0;
    },
    countLeaks: async () => {
      const r = await sql<{ n: number }>`SELECT COUNT(*)::float8 AS n FROM monitor_records WHERE flags LIKE '%leak'`.execute(db);
      return r.rows[0]?.n ?? 0;
    },
    close,
  };
}

function recordValues(w: RecordRow, meta: { source: string; judge: string; ingestId: number }) {
  return sql`(${w.id}, ${meta.source}, ${w.line}, ${w.tsMs}, ${w.prompt}, ${w.response}, ${w.context}, ${w.verdict}, ${w.confidence}, ${meta.judge},
    ${w.templateKey}, ${w.signalBits}, ${w.latencyMs}, ${w.matchKind}, ${w.matchRef}, ${w.matchSim}, ${w.flags}, ${meta.ingestId})`;
}
