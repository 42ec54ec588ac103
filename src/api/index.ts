export * from './run-drill.js';
export * from './judge.js';
export * from './load-pack.js';
export * from './drill-config.js';
export * from './load-config.js';
