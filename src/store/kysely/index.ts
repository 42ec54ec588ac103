export * from './async-store.js';
export * from './open-async-store.js';
export * from './db-ref.js';
export * from './kysely-migrate.js';
