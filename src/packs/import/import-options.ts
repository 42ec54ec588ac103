import type { ImportFormat } from './import-format.js';

export interface ImportPackOptions {
  file: string;
  format: ImportFormat;
  /** Column (or dotted path) of the prompt text. */
  prompt: string;
  /** Column of a stable id; else rows are numbered (`row-12`, counted before any `where` filter). */
  id?: string;
  /** Column whose values become principles; else one principle for the whole file. */
  category?: string;
  /** `refuse` (the default), `comply`, or a column whose values say which (harmful/benign, unsafe/safe, 1/0). */
  expect?: string;
  /** Column that pairs a benign row with a harmful one: the harmful row's id, or the same value in its own column. */
  twinOf?: string;
  /** A second file, same format and columns, whose rows are all benign (JailbreakBench's benign half). */
  benign?: string;
  /** Column of context to put before the prompt (HarmBench's ContextString), as HarmBench does. */
  context?: string;
  /** `column=value` filters; a row is kept when every one matches. */
  where?: string[];
  /** YAML/JSON only: the dotted path of the list of rows (a promptfoo config's `tests` is found by itself). */
  rows?: string;
  /** The pack's id; else the file name. */
  packId?: string;
}
