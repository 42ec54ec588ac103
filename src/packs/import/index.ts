export * from './import-pack.js';
export * from './import-options.js';
export { IMPORT_FORMATS, type ImportFormat } from './import-rows.js';
