export * from './training-formats.js';
export * from './failure-kind.js';
export * from './select-candidates.js';
export * from './teacher-rejection.js';
export * from './export-summary.js';
export * from './export-run.js';
export * from './load-export-run.js';
export * from './write-export.js';
export { languageName } from './teacher-prompt.js';
