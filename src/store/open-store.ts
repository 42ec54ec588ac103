import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { StoreError } from '../spec/errors.js';
import { coreMigrations } from './core-migrations.js';
import { applyMigrations } from './migrate.js';
import { createSqliteStore } from './sqlite-store.js';
import type { Store } from './store.js';

export const DEFAULT_DB = '.refusal-drill/drill.db';

/**
 * Opens (creating if needed) the SQLite store and brings its schema up to date.
 * WAL keeps readers (dashboard, reports) off the writer's back; busy_timeout rides out short locks.
 */
export function openStore(path: string = DEFAULT_DB, options: { busyTimeoutMs?: number } = {}): Store {
  if (/^postgres(ql)?:\/\//i.test(path)) {
    throw new StoreError(
      `this command works on the local SQLite store; a Postgres URL is for team runs, workers and the monitor (got ${path.replace(/:[^:@/]*@/, ':***@')})`,
    );
  }
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
    return createSqliteStore(db, file);
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
