export * from './render.js';
export * from './report-input.js';
export * from './compare.js';
export * from './compare-render.js';
export * from './gate-lines.js';
export * from './intent-outcomes.js';
