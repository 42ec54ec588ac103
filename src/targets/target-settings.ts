import type { RetryInfo } from './limits/limited-target.js';

/** How `createTarget` builds a target: endpoint, key, and the shared request limits. */
export interface TargetSettings {
  /** Overrides the kind's default and env. */
  baseUrl?: string;
  /** Else from env: OPENAI_API_KEY / ANTHROPIC_API_KEY. Never part of the id. */
  apiKey?: string;
  /** Default process.env. */
  env?: Record<string, string | undefined>;
  /** Per request (per try), default 60_000. */
  timeoutMs?: number;
  /** Retries after the first try, default 4. */
  retries?: number;
  /** Requests in flight, default 8. */
  concurrency?: number;
  /** Requests per minute; default unlimited. */
  rpm?: number;
  /** For `http`: the YAML/JSON config file. */
  configFile?: string;
  onRetry?: (info: RetryInfo) => void;
  /** First backoff window, default 500 ms; doubles per retry. */
  backoffBaseMs?: number;
  /** Cap on any wait between tries, Retry-After included; default 60_000. */
  maxRetryDelayMs?: number;
  /** The largest response body read, in bytes (default 4 MiB); a larger one is a `too-large` error, never judged cut short. */
  maxResponseBytes?: number;
}
