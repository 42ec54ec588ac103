import type { Compressors } from 'hyparquet';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { InputError } from '../../spec/index.js';
import { DEFAULT_FIELDS, ReadCounter, type CorpusSource, type OnText, type ReadOptions, type ReadStats } from './corpus-source.js';
import { extractTexts, parseFieldPath, type FieldPath } from './field-path.js';

// hyparquet decodes snappy itself; gzip and brotli pages come from node:zlib.
const compressors: Compressors = {
  GZIP: (input) => new Uint8Array(gunzipSync(input)),
  BROTLI: (input) => new Uint8Array(brotliDecompressSync(input)),
};

/**
 * Parquet, one row group at a time and only the text columns, so memory is bounded by the
 * largest row group rather than the file. A field path's first step names the column; the rest
 * walks into nested values (`messages[*].content`).
 */
export async function readParquet(source: CorpusSource, onText: OnText, options: ReadOptions = {}): Promise<ReadStats> {
  // Loaded only when a Parquet corpus is read.
  const { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects, parquetSchema } = await import('hyparquet');
  const counter = new ReadCounter();
  const fail = (what: string, e?: unknown): InputError =>
    new InputError(`corpus ${source.file}: ${what}${e ? `: ${e instanceof Error ? e.message : String(e)}` : ''}`, { cause: e });
  let file;
  let metadata;
  try {
    file = await asyncBufferFromFile(source.file);
    metadata = await parquetMetadataAsync(file);
  } catch (e) {
    throw fail('not a readable parquet file', e);
  }
  const columns = parquetSchema(metadata).children.map((c) => c.element.name);
  const paths = choosePaths(columns, options.fields);
  if (paths.length === 0)
    throw fail(`no column named ${(options.fields ?? DEFAULT_FIELDS).join(', ')}; it has ${columns.join(', ')} (choose one with --field)`);
  const wanted = [...new Set(paths.map((p) => firstKey(p)))];
  const totalRows = Number(metadata.num_rows);
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    if (options.signal?.aborted) break;
    const rowEnd = rowStart + Number(group.num_rows);
    let rows;
    try {
      rows = await parquetReadObjects({ file, metadata, columns: wanted, rowStart, rowEnd, compressors });
    } catch (e) {
      throw fail(`cannot read rows ${rowStart + 1}–${rowEnd}`, e);
    }
    rows.forEach((row, i) => {
      const rowNo = rowStart + i + 1;
      counter.records++;
      let found = 0;
      for (const p of paths)
        extractTexts(row, p, (text, field) => {
          found++;
          onText(text, rowNo, field);
        });
      if (found === 0) counter.skip(`${source.file}: row ${rowNo}: no text in ${wanted.join(', ')}`);
      counter.texts += found;
    });
    rowStart = rowEnd;
    counter.bytes = Math.round((file.byteLength * rowStart) / Math.max(1, totalRows));
    options.onProgress?.(counter.bytes);
  }
  return counter.stats();
}

function firstKey(p: FieldPath): string {
  const step = p.steps[0];
  return step && 'key' in step ? step.key : '';
}

function choosePaths(columns: string[], fields: string[] | undefined): FieldPath[] {
  const out: FieldPath[] = [];
  for (const source of fields ?? DEFAULT_FIELDS) {
    const path = parseFieldPath(source);
    const key = firstKey(path);
    const column = columns.find((c) => c === key) ?? (fields ? undefined : columns.find((c) => c.toLowerCase() === key.toLowerCase()));
    if (column === undefined) continue;
    const steps = [{ key: column }, ...path.steps.slice(1)];
    out.push({ source: path.source, steps });
  }
  return out;
}
