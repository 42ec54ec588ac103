export * from './wilson.js';
export * from './newcombe.js';
export { seededRandom } from '../../util/seeded-random.js';
export * from './quantile.js';
export * from './bootstrap.js';
export * from './mover.js';
