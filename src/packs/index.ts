export * from './load-pack.js';
export * from './builtin-packs.js';
