import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../spec/index.js';
import { corpusFormats, type CorpusFormat, type CorpusSource } from './corpus-source.js';

const EXTENSIONS: Record<string, CorpusFormat> = {
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  json: 'jsonl',
  csv: 'csv',
  tsv: 'tsv',
  parquet: 'parquet',
  txt: 'text',
  text: 'text',
  md: 'text',
};

/** The format a file name says it holds, with `.gz` peeled off first; undefined when it says nothing known. */
export function detectFormat(file: string): { format: CorpusFormat; gzip: boolean } | undefined {
  const lower = file.toLowerCase();
  const gzip = lower.endsWith('.gz');
  const base = gzip ? lower.slice(0, -3) : lower;
  const ext = base.slice(base.lastIndexOf('.') + 1);
  const format = EXTENSIONS[ext];
  return format ? { format, gzip } : undefined;
}

/**
 * Corpus files from the paths given: files as they are, directories walked in sorted order
 * taking files whose extension names a format. `format` overrides detection for every file.
 */
export function findCorpusFiles(paths: string[], format?: CorpusFormat): CorpusSource[] {
  if (format && !corpusFormats.includes(format))
    throw new InputError(`--format expects one of ${corpusFormats.join(', ')}, got "${String(format)}"`);
  const out: CorpusSource[] = [];
  for (const path of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch (e) {
      throw new InputError(`corpus ${path}: cannot read it (${e instanceof Error ? e.message : String(e)})`, { cause: e });
    }
    if (!isDir) {
      out.push(source(path, format, true));
      continue;
    }
    const found = walk(path)
      .map((f) => source(f, format, false))
      .filter((s): s is CorpusSource => s !== undefined);
    if (found.length === 0)
      throw new InputError(
        `corpus directory ${path} holds no file ending in ${Object.keys(EXTENSIONS)
          .map((e) => `.${e}`)
          .join(', ')} (or .gz of those)`,
      );
    out.push(...found);
  }
  return out;
}

function source(file: string, format: CorpusFormat | undefined, named: true): CorpusSource;
function source(file: string, format: CorpusFormat | undefined, named: boolean): CorpusSource | undefined;
function source(file: string, format: CorpusFormat | undefined, named: boolean): CorpusSource | undefined {
  const detected = detectFormat(file);
  const gzip = detected?.gzip ?? file.toLowerCase().endsWith('.gz');
  const chosen = format ?? detected?.format;
  if (!chosen) {
    if (!named) return undefined;
    throw new InputError(
      `corpus ${file}: cannot tell its format from the name; expected .jsonl, .csv, .tsv, .parquet or .txt (optionally .gz), or pass --format ${corpusFormats.join('|')}`,
    );
  }
  if (chosen === 'parquet' && gzip)
    throw new InputError(
      `corpus ${file}: a gzipped parquet file cannot be read in row groups; gunzip it first (parquet compresses its pages itself)`,
    );
  return { file, format: chosen, gzip };
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}
