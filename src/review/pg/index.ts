// The review queue's team-mode part: import() it on demand, so a local review never loads kysely or pg.
export * from './pg-review-store.js';
export * from './pg-review-migrations.js';
