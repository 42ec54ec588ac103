export * from './wilson.js';
export * from './newcombe.js';
export * from './rng.js';
export * from './quantile.js';
export * from './bootstrap.js';
