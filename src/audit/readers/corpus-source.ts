export const corpusFormats = ['jsonl', 'csv', 'tsv', 'parquet', 'text'] as const;
export type CorpusFormat = (typeof corpusFormats)[number];

export interface CorpusSource {
  file: string;
  format: CorpusFormat;
  gzip: boolean;
}

/**
 * Called for each text found in the corpus. Positional, not an object: it runs once per text
 * of a gigabyte corpus. `record` is the line (JSONL, text) or data row (CSV, Parquet).
 */
export type OnText = (text: string, record: number, field: string | null) => void;

export interface ReadOptions {
  /** Field paths (`messages[*].content`) or column names; default: common text field names. */
  fields?: string[];
  /** Plain text: one record per line (default) or per blank-line-separated paragraph. */
  textRecords?: 'line' | 'paragraph';
  signal?: AbortSignal;
  /** Bytes read from disk so far (compressed bytes for .gz). */
  onProgress?: (bytes: number) => void;
}

export interface ReadStats {
  records: number;
  texts: number;
  bytes: number;
  skipped: number;
  firstSkipped?: string;
}

/** Where JSONL and CSV look when no field is given: the names red-team and chat corpora use. */
export const DEFAULT_FIELDS = [
  'text',
  'content',
  'prompt',
  'completion',
  'messages[*].content',
  'instruction',
  'input',
  'output',
  'question',
  'response',
  'goal',
  'behavior',
  'conversations[*].value',
];

export class ReadCounter implements ReadStats {
  records = 0;
  texts = 0;
  bytes = 0;
  skipped = 0;
  firstSkipped?: string;

  skip(where: string): void {
    this.skipped++;
    this.firstSkipped ??= where;
  }

  stats(): ReadStats {
    const { records, texts, bytes, skipped, firstSkipped } = this;
    return firstSkipped === undefined ? { records, texts, bytes, skipped } : { records, texts, bytes, skipped, firstSkipped };
  }
}
