export * from './store.js';
export * from './open-store.js';
export * from './migrate.js';
