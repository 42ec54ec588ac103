/**
 * Accepts ISO-8601 strings and epoch numbers (seconds below 1e11, else milliseconds, which is how
 * OpenAI's `created` and most loggers write them). Returns undefined for anything else.
 */
export function parseTimestamp(value: unknown): { iso: string; ms: number } | undefined {
  // Already canonical (what most loggers write): keep the string, skip re-formatting it.
  if (
    typeof value === 'string' &&
    value.length === 24 &&
    value.charCodeAt(23) === 90 &&
    value.charCodeAt(10) === 84 &&
    value.charCodeAt(19) === 46
  ) {
    const ms = Date.parse(value);
    if (Number.isFinite(ms)) return { iso: value, ms };
  }
  let ms: number;
  if (typeof value === 'number' && Number.isFinite(value)) ms = value < 1e11 ? value * 1000 : value;
  else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) ms = Date.parse(value);
  else if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value)) return parseTimestamp(Number(value));
  else return undefined;
  // A Date holds ±8.64e15 ms; beyond that toISOString throws (a span's nanoseconds with digits to spare).
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return undefined;
  return { iso: new Date(ms).toISOString(), ms: Math.round(ms) };
}
