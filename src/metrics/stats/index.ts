export * from './wilson.js';
export * from './newcombe.js';
export { seededRandom } from '../../util/index.js';
export * from './quantile.js';
export * from './bootstrap.js';
export * from './mover.js';
export * from './counted.js';
export * from './median-bootstrap.js';
