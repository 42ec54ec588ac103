import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { StoreError } from '../../spec/index.js';
import { coreMigrations } from '../core-migrations.js';
import { applyMigrations } from './apply-migrations.js';

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
    throw new StoreError(describe(file, e), { cause: e });
  }
}

function describe(file: string, e: unknown): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
  const msg = e instanceof Error ? e.message : String(e);
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
    return `store ${file} is not a valid refusal-drill database (${msg}); it was left untouched — move it aside or pass --db <other file>`;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')
    return `store ${file} is locked by another process (${msg}); wait for it to finish or pass --db <other file>`;
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'EACCES')
    return `cannot open store ${file} for writing (${msg})`;
  return `cannot open store ${file}: ${msg}`;
}
