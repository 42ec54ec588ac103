// The monitor's team-mode part: import() it on demand, so a local monitor never loads kysely or pg.
export * from './pg-monitor-store.js';
export * from './pg-monitor-migrations.js';
