import type { TargetRequest } from '../spec/index.js';
import { sha256 } from '../util/index.js';

/**
 * The exact request plus the target's secret-free identity. Keys sort so equal requests hash
 * equally however they were built.
 */
export function cacheKey(targetId: string, request: TargetRequest): string {
  return sha256(stableJson({ v: 1, target: targetId, request }));
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
