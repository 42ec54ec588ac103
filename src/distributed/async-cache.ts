import { cacheKey } from '../run/cache-key.js';
import type { Target } from '../spec/index.js';
import type { AsyncStore } from '../store/kysely/index.js';

/** withCache (src/run/cached-target.ts) over the async store: every worker shares one cache. */
export function withAsyncCache(target: Target, store: Pick<AsyncStore, 'cacheGet' | 'cachePut'>): Target {
  return {
    id: target.id,
    async generate(request, options) {
      const key = cacheKey(target.id, request);
      const hit = await store.cacheGet(key);
      if (hit) return { ...hit, cached: true };
      const response = await target.generate(request, options);
      await store.cachePut(key, response);
      return response;
    },
    close: target.close ? () => target.close?.() ?? Promise.resolve() : undefined,
  };
}
