import type { migrateNamespace as migrate } from './pg/migrate-namespace.js';
import type { openPostgres as open } from './pg/open-postgres.js';

// Team mode's libraries (pg, kysely) load only when a Postgres URL is used: a local run never pays for them.

/** Opens a team's Postgres with the core tables up to date; the pool is shared with modules that own tables. */
export const openPostgres: typeof open = async (...args) => (await import('./pg/open-postgres.js')).openPostgres(...args);

/** Brings one module's tables in a Postgres up to date (its own namespace of migrations). */
export const migrateNamespace: typeof migrate = async (...args) => (await import('./pg/migrate-namespace.js')).migrateNamespace(...args);
