import type { TargetRequest } from './target-request.js';
import type { TargetResponse } from './target-response.js';

export interface GenerateOptions {
  /** Aborts the request; the target rejects with a `TargetError` of kind `cancelled`. */
  signal?: AbortSignal;
}

/** The model under drill. `id` is stable and secret-free: it goes into the cache key and the store. */
export interface Target {
  readonly id: string;
  generate(request: TargetRequest, options?: GenerateOptions): Promise<TargetResponse>;
  close?(): Promise<void>;
}
