/** Request limits a target gets when the settings name none. */
export const TARGET_DEFAULTS = {
  timeoutMs: 60_000,
  retries: 4,
  concurrency: 8,
  backoffBaseMs: 500,
  maxRetryDelayMs: 60_000,
  maxResponseBytes: 4 * 1024 * 1024,
} as const;
