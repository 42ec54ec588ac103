export type { AuditMark, CacheScope, CacheStats, Store } from './store.js';
export type { Migration } from './migration.js';
export { DEFAULT_DB, isPostgresUrl, maskUrl, parsePostgresRef, resolveDbRef, type PostgresRef } from './db-ref.js';
export { openStore, type OpenStoreOptions } from './open-store.js';
export { openSqliteFile, type SqliteFile } from './sqlite/sqlite-file.js';
export { sqliteStore } from './sqlite/sqlite-store.js';
export { applyMigrations } from './sqlite/apply-migrations.js';
export { migrateNamespace, openPostgres } from './postgres.js';
export type { OpenedPostgres } from './pg/open-postgres.js';
