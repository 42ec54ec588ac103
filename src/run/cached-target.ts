import type { GenerateOptions, Target, TargetRequest, TargetResponse } from '../spec/index.js';
import { cacheKey } from './cache-key.js';

export interface ResponseCache {
  cacheGet(key: string): TargetResponse | undefined;
  cachePut(key: string, response: TargetResponse): void;
}

/** Serves repeated requests from the store; only successful responses are cached, never errors. */
export function withCache(target: Target, cache: ResponseCache): Target {
  return {
    id: target.id,
    async generate(request: TargetRequest, options?: GenerateOptions): Promise<TargetResponse> {
      const key = cacheKey(target.id, request);
      const hit = cache.cacheGet(key);
      if (hit) return { ...hit, cached: true };
      const response = await target.generate(request, options);
      cache.cachePut(key, response);
      return response;
    },
    close: target.close ? () => target.close?.() ?? Promise.resolve() : undefined,
  };
}
