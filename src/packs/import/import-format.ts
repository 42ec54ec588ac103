/** The file formats `packs import` reads. */
export const IMPORT_FORMATS = ['csv', 'jsonl', 'yaml'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
