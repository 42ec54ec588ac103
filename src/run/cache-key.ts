import type { Target, TargetRequest } from '../spec/index.js';
import { sha256 } from '../util/index.js';

/**
 * The exact request (system prompt and prefix included: they are its first messages) plus the
 * target's whole identity: its secret-free id and its endpoint hash (base URL with query and
 * credentials, hashed). Keys sort so equal requests hash equally however they were built.
 */
export function cacheKey(target: Pick<Target, 'id' | 'endpoint'>, request: TargetRequest): string {
  return sha256(stableJson({ v: 2, target: target.id, endpoint: target.endpoint ?? null, request }));
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
