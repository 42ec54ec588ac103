import type { CorpusSource, OnText, ReadOptions, ReadStats } from './corpus-source.js';
import { readCsv } from './read-csv.js';
import { readJsonl } from './read-jsonl.js';
import { readParquet } from './read-parquet.js';
import { readText } from './read-text.js';

const readers = {
  jsonl: readJsonl,
  csv: readCsv,
  tsv: readCsv,
  parquet: readParquet,
  text: readText,
} satisfies Record<CorpusSource['format'], (s: CorpusSource, on: OnText, o?: ReadOptions) => Promise<ReadStats>>;

/** Streams every text of one corpus file to `onText`; memory does not grow with the file. */
export function readCorpus(source: CorpusSource, onText: OnText, options: ReadOptions = {}): Promise<ReadStats> {
  return readers[source.format](source, onText, options);
}
