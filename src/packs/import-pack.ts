import type { ImportedPack } from './import/import-pack.js';
import type { ImportPackOptions } from './import/import-options.js';

export type { ImportedPack, ImportPackOptions };
export { IMPORT_FORMATS, type ImportFormat } from './import/import-format.js';

// The importer and its readers (csv-parse, yaml documents) load only when `packs import` runs: a drill never pays for them.

/** Turns a benchmark's prompt list into a pack. Every problem names file, line and column. */
export async function importPack(o: ImportPackOptions): Promise<ImportedPack> {
  return (await import('./import/import-pack.js')).importPack(o);
}
