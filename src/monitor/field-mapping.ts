import { UsageError } from '../spec/index.js';

export const mappableFields = ['prompt', 'response', 'timestamp', 'id', 'latency', 'messages'] as const;
export type MappableField = (typeof mappableFields)[number];

/** Where each field lives in a custom JSON log, as dotted paths (`output.choices.0.text`, `-1` = last). */
export type FieldMapping = Partial<Record<MappableField, string[]>>;

/** Parses `prompt=input.text,response=output,timestamp=meta.ts` into a mapping. */
export function parseFieldMapping(spec: string): FieldMapping {
  const mapping: FieldMapping = {};
  for (const part of spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const eq = part.indexOf('=');
    const field = part.slice(0, eq).trim();
    const path = part.slice(eq + 1).trim();
    if (eq <= 0 || !path) throw new UsageError(`--map expects field=path pairs separated by commas, got "${part}"`);
    if (!(mappableFields as readonly string[]).includes(field))
      throw new UsageError(`--map: unknown field "${field}" (expected one of ${mappableFields.join(', ')})`);
    mapping[field as MappableField] = path.split('.');
  }
  if (!mapping.response && !mapping.messages)
    throw new UsageError('--map must name where the response is (response=<path>) or messages=<path>');
  if (!mapping.prompt && !mapping.messages) throw new UsageError('--map must name where the prompt is (prompt=<path>) or messages=<path>');
  return mapping;
}

/** Follows a dotted path through objects and arrays; negative indices count from the end. */
export function getPath(value: unknown, path: string[]): unknown {
  let cur = value;
  for (const key of path) {
    if (Array.isArray(cur)) {
      const i = Number(key);
      if (!Number.isInteger(i)) return undefined;
      cur = cur[i < 0 ? cur.length + i : i];
    } else if (typeof cur === 'object' && cur !== null) {
      cur = (cur as Record<string, unknown>)[key];
    } else return undefined;
  }
  return cur;
}
