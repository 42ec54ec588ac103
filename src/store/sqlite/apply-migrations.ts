import type { Database } from 'better-sqlite3';
import type { Migration } from '../migration.js';

/**
 * Applies the migrations of one namespace that a SQLite file has not recorded yet, each in its
 * own transaction. Modules that own tables (monitor, review) keep their own namespace.
 */
export function applyMigrations(db: Database, namespace: string, migrations: Migration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    namespace TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL,
    PRIMARY KEY (namespace, version))`);
  const applied = new Set(
    db
      .prepare<[string], { version: number }>('SELECT version FROM schema_migrations WHERE namespace = ?')
      .all(namespace)
      .map((r) => r.version),
  );
  const record = db.prepare('INSERT INTO schema_migrations (namespace, version, name, applied_at) VALUES (?, ?, ?, ?)');
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.up);
      record.run(namespace, m.version, m.name, new Date().toISOString());
    })();
  }
}
