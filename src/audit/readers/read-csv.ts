import { parse } from 'csv-parse';
import { InputError } from '../../spec/index.js';
import { MAX_LINE_BYTES, openBytes } from './byte-lines.js';
import { DEFAULT_FIELDS, ReadCounter, type CorpusSource, type OnText, type ReadOptions, type ReadStats } from './corpus-source.js';

/**
 * CSV/TSV with a header row; texts from the named columns (default: the usual text column
 * names, matched case-insensitively). Streams through csv-parse, so quoted newlines work.
 */
export async function readCsv(source: CorpusSource, onText: OnText, options: ReadOptions = {}): Promise<ReadStats> {
  const counter = new ReadCounter();
  const input = openBytes(source.file, source.gzip, (n) => {
    counter.bytes += n;
    options.onProgress?.(counter.bytes);
  });
  let chosen: string[] = [];
  let missing: string | undefined;
  const parser = parse({
    bom: true,
    delimiter: source.format === 'tsv' ? '\t' : ',',
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    // One record may not take the heap (a gzip that inflates to one huge field).
    max_record_size: MAX_LINE_BYTES,
    columns: (header: string[]) => {
      chosen = pickColumns(header, options.fields);
      // Records are keyed by column name: of two columns named alike, the last would win unseen.
      const twice = chosen.find((c) => header.filter((h) => h === c).length > 1);
      if (twice !== undefined) {
        const at = header.flatMap((h, i) => (h === twice ? [i + 1] : []));
        missing = `corpus ${source.file}:1: the header names the column "${twice}" ${at.length} times (columns ${at.join(' and ')}); rename all but one`;
      } else if (chosen.length === 0)
        missing = `corpus ${source.file}:1: no column named ${(options.fields ?? DEFAULT_FIELDS.filter((f) => !f.includes('['))).join(', ')}; the header has ${header.join(', ')} (choose one with --field)`;
      return header;
    },
  });
  input.on('error', (e) => parser.destroy(e));
  input.pipe(parser);
  try {
    for await (const item of parser as AsyncIterable<unknown>) {
      if (missing) break;
      if (options.signal?.aborted) break;
      const { record, row } = unpack(item);
      counter.records++;
      let found = 0;
      for (const column of chosen) {
        const value = record[column];
        if (typeof value === 'string' && value.trim() !== '') {
          found++;
          onText(value, row, column);
        }
      }
      if (found === 0) counter.skip(`${source.file}: row ${row}: empty ${chosen.join(', ')}`);
      counter.texts += found;
    }
  } catch (e) {
    if (InputError.isInstance(e)) throw e;
    throw new InputError(
      `corpus ${source.file}: not readable as ${source.format.toUpperCase()}: ${e instanceof Error ? e.message : String(e)}`,
      { cause: e },
    );
  } finally {
    input.destroy();
  }
  if (missing) throw new InputError(missing);
  return counter.stats();
}

function pickColumns(header: string[], fields: string[] | undefined): string[] {
  const wanted = fields ?? DEFAULT_FIELDS.filter((f) => !f.includes('['));
  const out: string[] = [];
  for (const want of wanted) {
    const hit = header.find((h) => h === want) ?? header.find((h) => h.trim().toLowerCase() === want.toLowerCase());
    if (hit !== undefined && !out.includes(hit)) out.push(hit);
  }
  return out;
}

function unpack(item: unknown): { record: Record<string, unknown>; row: number } {
  const record = isRecord(item) && isRecord(item.record) ? item.record : {};
  const info = isRecord(item) && isRecord(item.info) ? item.info : {};
  return { record, row: typeof info.records === 'number' ? info.records : 0 };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
