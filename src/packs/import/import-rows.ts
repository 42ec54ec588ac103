import { parse as parseCsv } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { InputError } from '../../spec/index.js';
import type { ImportFormat } from './import-format.js';


/** One record of a benchmark file, with the line it starts on (for errors). */
export interface ImportRow {
  file: string;
  line: number;
  record: Record<string, unknown>;
}

/**
 * Reads every record of a prompt list. CSV has a header row; JSONL one object per line; YAML (or
 * JSON) a list of objects, at the top or under `rows` (a dotted path; `tests` is found by itself, as
 * in a promptfoo config). Small files by nature (benchmarks of thousands of rows), so read whole.
 */
export function readImportRows(file: string, format: ImportFormat, rows?: string): ImportRow[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  if (format === 'csv') return csvRows(file, text);
  if (format === 'jsonl') return jsonlRows(file, text);
  return yamlRows(file, text, rows);
}

function csvRows(file: string, text: string): ImportRow[] {
  try {
    const out = parseCsv(text, { columns: true, bom: true, skip_empty_lines: true, info: true }) as Array<{
      record: Record<string, string>;
      info: { lines: number };
    }>;
    // info.lines is where the record ends; a record with a quoted newline starts earlier.
    return out.map(({ record, info }) => ({ file, line: info.lines - countNewlines(record), record }));
  } catch (e) {
    const line = typeof e === 'object' && e !== null && 'lines' in e && typeof e.lines === 'number' ? e.lines : undefined;
    throw new InputError(`${file}:${line ?? '?'}: not valid CSV: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

function countNewlines(record: Record<string, string>): number {
  let n = 0;
  for (const v of Object.values(record)) for (const ch of v) if (ch === '\n') n++;
  return n;
}

function jsonlRows(file: string, text: string): ImportRow[] {
  const out: ImportRow[] = [];
  const errors: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      errors.push(`${file}:${i + 1}: not JSON (${e instanceof Error ? e.message : String(e)})`);
      return;
    }
    if (!isRecord(value)) errors.push(`${file}:${i + 1}: expected a JSON object, got ${Array.isArray(value) ? 'a list' : typeof value}`);
    else out.push({ file, line: i + 1, record: value });
  });
  if (errors.length) throw new InputError(errors.slice(0, 20).join('\n'));
  return out;
}

function yamlRows(file: string, text: string, rowsPath: string | undefined): ImportRow[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    throw new InputError(`${file}:${lines.linePos(e.pos[0]).line}: YAML syntax error: ${e.message.split('\n')[0]}`);
  }
  const path = rowsPath ?? (isSeq(doc.contents) ? undefined : 'tests');
  const node: unknown = path === undefined ? doc.contents : doc.getIn(path.split('.'), true);
  if (!isSeq(node))
    throw new InputError(
      `${file}: expected a list of rows ${path === undefined ? 'at the top' : `under "${path}"`}; name where the list is with --rows <path>`,
    );
  return node.items.map((item, i) => {
    const line = lines.linePos((item as Node).range?.[0] ?? 0).line;
    const value: unknown = (item as Node).toJSON?.() ?? item;
    if (!isRecord(value)) throw new InputError(`${file}:${line}: row ${i + 1} is not a mapping of fields`);
    return { file, line, record: value };
  });
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
