import type { Target } from '../spec/index.js';
import type { Store } from '../store/index.js';
import { cacheKey } from './cache-key.js';

export type ResponseCache = Pick<Store, 'cacheGet' | 'cachePut'>;

/**
 * Serves repeated requests from the store's response cache (shared by every worker on a team
 * store); only successful responses are cached, never errors.
 */
export function withCache(target: Target, cache: ResponseCache): Target {
  return {
    id: target.id,
    async generate(request, options) {
      const key = cacheKey(target.id, request);
      const hit = await cache.cacheGet(key);
      if (hit) return { ...hit, cached: true };
      const response = await target.generate(request, options);
      await cache.cachePut(key, response);
      return response;
    },
    close: target.close ? () => target.close?.() ?? Promise.resolve() : undefined,
  };
}
