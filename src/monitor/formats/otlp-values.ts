import { isRecord } from '../log-record.js';

/**
 * OTLP/JSON wraps every attribute value (`{"stringValue": "x"}`, `{"intValue": "3"}`,
 * `{"arrayValue": {"values": [...]}}`, `{"kvlistValue": {"values": [{"key", "value"}]}}`); this
 * unwraps one to plain JSON. A value that is not wrapped (a plain exporter's) is returned as it is.
 */
export function otlpValue(v: unknown): unknown {
  if (!isRecord(v)) return v;
  if ('stringValue' in v) return v.stringValue;
  if ('boolValue' in v) return v.boolValue;
  if ('intValue' in v) return Number(v.intValue);
  if ('doubleValue' in v) return Number(v.doubleValue);
  if ('bytesValue' in v) return v.bytesValue;
  if ('arrayValue' in v) {
    const values = isRecord(v.arrayValue) ? v.arrayValue.values : undefined;
    return Array.isArray(values) ? values.map(otlpValue) : [];
  }
  if ('kvlistValue' in v) return otlpAttributes(isRecord(v.kvlistValue) ? v.kvlistValue.values : undefined);
  return v;
}

/** Attributes as OTLP's `[{"key", "value"}]` list or a plain object, to a plain object. */
export function otlpAttributes(attrs: unknown): Record<string, unknown> {
  if (Array.isArray(attrs)) {
    const out: Record<string, unknown> = {};
    for (const kv of attrs) if (isRecord(kv) && typeof kv.key === 'string') out[kv.key] = otlpValue(kv.value);
    return out;
  }
  if (isRecord(attrs)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(attrs)) out[k] = otlpValue(v);
    return out;
  }
  return {};
}

/** Nanoseconds since the epoch (a string in OTLP/JSON, to keep its precision), or an ISO time, to milliseconds. */
export function spanTimeMs(v: unknown): number | undefined {
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(BigInt(v) / 1_000_000n);
  if (typeof v === 'number' && Number.isFinite(v)) return v > 1e15 ? Math.round(v / 1e6) : v;
  if (typeof v === 'string') {
    const ms = Date.parse(v);
    return Number.isFinite(ms) ? ms : undefined;
  }
  return undefined;
}
