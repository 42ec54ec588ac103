import { isRecord, type ImportRow } from './import-rows.js';

export type FieldValue = { ok: true; text: string } | { ok: false; problem: string };

/**
 * A column's text in a row. A name that is a key is that key (CSV headers may hold dots); otherwise
 * a dotted path into nested records, list items by index: `vars.prompt`, `metadata.pluginId`, `turns.0`.
 * Numbers and booleans read as text; a missing or empty value is ''.
 */
export function rowField(row: ImportRow, column: string): FieldValue {
  let value: unknown = row.record;
  if (Object.hasOwn(row.record, column)) value = row.record[column];
  else
    for (const step of column.split('.')) {
      if (Array.isArray(value) && /^\d+$/.test(step)) value = value[Number(step)];
      else if (isRecord(value) && Object.hasOwn(value, step)) value = value[step];
      else return { ok: true, text: '' };
    }
  if (value === undefined || value === null) return { ok: true, text: '' };
  if (typeof value === 'string') return { ok: true, text: value.trim() };
  if (typeof value === 'number' || typeof value === 'boolean') return { ok: true, text: String(value) };
  if (Array.isArray(value)) return { ok: false, problem: `expected text, got a list of ${value.length} (pick an item: ${column}.0)` };
  return { ok: false, problem: 'expected text, got an object (name a field inside it with a dotted path)' };
}

/** Whether the column exists in any row: a misspelt column is a usage mistake, not empty data. */
export function columnSeen(rows: readonly ImportRow[], column: string): boolean {
  const head = column.split('.')[0]!;
  return rows.some((r) => Object.hasOwn(r.record, column) || Object.hasOwn(r.record, head));
}
