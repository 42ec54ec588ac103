export * from './escape.js';
export * from './fnv1a.js';
export * from './fmix32.js';
export * from './hash.js';
export * from './package-root.js';
export * from './seeded-random.js';
export * from './strict-text.js';
