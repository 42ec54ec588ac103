import type { TargetRequest } from './target-request.js';
import type { TargetResponse } from './target-response.js';

export interface GenerateOptions {
  /** Aborts the request; the target rejects with a `TargetError` of kind `cancelled`. */
  signal?: AbortSignal;
}

/** The model under drill. `id` is stable and secret-free: it goes into the cache key and the store. */
export interface Target {
  readonly id: string;
  /**
   * A hash of the whole endpoint identity beyond the id: the base URL with its query and
   * credentials (two deployments behind one host differ only there). Part of the cache key; the
   * URL itself is never stored.
   */
  readonly endpoint?: string;
  generate(request: TargetRequest, options?: GenerateOptions): Promise<TargetResponse>;
  close?(): Promise<void>;
}
