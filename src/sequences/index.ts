export * from './crescendo.js';
