import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { StoreError } from '../../spec/index.js';
import { coreMigrations } from '../core-migrations.js';
import { applyMigrations } from './apply-migrations.js';
import { describeStoreFault } from './sqlite-faults.js';

/**
 * An open SQLite store file with the core tables up to date. The run Store is built on it; the
 * monitor and review queue, which own tables of their own, share the same connection.
 */
export interface SqliteFile {
  readonly db: Database.Database;
  /** The absolute file path. */
  readonly path: string;
  close(): void;
}

/**
 * Opens (creating if needed) a SQLite store file. WAL keeps readers (dashboard, reports) off the
 * writer's back; busy_timeout rides out short locks. A file that is not a store, or is locked, is
 * a StoreError naming it, and is left untouched.
 */
export function openSqliteFile(path: string, options: { busyTimeoutMs?: number } = {}): SqliteFile {
  const file = resolve(path);
  try {
    mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file, { timeout: options.busyTimeoutMs ?? 5000 });
    try {
      // Before anything writes to the file (WAL mode rewrites its header).
      refuseForeign(db, file);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      applyMigrations(db, 'core', coreMigrations);
    } catch (e) {
      db.close();
      throw e;
    }
    return { db, path: file, close: () => db.close() };
  } catch (e) {
    if (StoreError.isInstance(e)) throw e;
    throw new StoreError(describeStoreFault(file, e), { cause: e });
  }
}

/**
 * A SQLite file some other program made (tables of its own, no refusal-drill migrations) is not
 * ours to add tables to: `--db app.sqlite` by mistake must not alter the application's database.
 */
function refuseForeign(db: Database.Database, file: string): void {
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all()
    .map((t) => t.name);
  if (tables.length === 0) return;
  let ours = false;
  try {
    ours = db.prepare("SELECT 1 FROM schema_migrations WHERE namespace = 'core' LIMIT 1").get() !== undefined;
  } catch {
    // No schema_migrations table, or another program's (Rails has one, without a namespace column).
  }
  if (!ours) {
    const shown = tables.slice(0, 5).join(', ') + (tables.length > 5 ? ', …' : '');
    throw new StoreError(
      `${file} is a SQLite database of another program (tables: ${shown}), not a refusal-drill store; it was left untouched — pass --db <a new file>`,
    );
  }
}
