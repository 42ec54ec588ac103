export * from './load-pack.js';
export * from './check-pack.js';
export * from './builtin-packs.js';
export * from './flatten-issues.js';
export * from './yaml-errors.js';
export * from './import-pack.js';
