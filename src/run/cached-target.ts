import type { Target } from '../spec/index.js';
import type { CacheScope, Store } from '../store/index.js';
import { cacheKey } from './cache-key.js';

export type ResponseCache = Pick<Store, 'cacheGet' | 'cachePut'>;

export interface CacheUse {
  store: ResponseCache;
  /** The asking run's id and which other runs' answers it may reuse. */
  scope: CacheScope;
  /** False for `--no-cache`: always ask the model (answers are still kept for a later `--reuse`). */
  read: boolean;
}

/**
 * Keeps every successful answer under the run that asked, and serves a repeated request from what
 * the scope allows: the run's own answers always (a resumed run does not ask twice), another run's
 * only when the user named it or asked for any. A served answer is marked `cached`, which is how a
 * run counts what it reused. Errors are never kept.
 */
export function withCache(target: Target, use: CacheUse): Target {
  return {
    id: target.id,
    ...(target.endpoint === undefined ? {} : { endpoint: target.endpoint }),
    async generate(request, options) {
      const key = cacheKey(target, request);
      if (use.read) {
        const hit = await use.store.cacheGet(key, use.scope);
        if (hit) return { ...hit, cached: true };
      }
      const response = await target.generate(request, options);
      await use.store.cachePut(key, use.scope.runId, response);
      return response;
    },
    close: target.close ? () => target.close?.() ?? Promise.resolve() : undefined,
  };
}
