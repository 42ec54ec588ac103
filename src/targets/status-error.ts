import { TargetError } from '../spec/index.js';

export interface StatusErrorContext {
  service: string;
  /** Where the credentials come from, named in auth failures ("OPENAI_API_KEY", "headers in f.yaml"). */
  keyEnv: string;
  detail: string;
  retryAfterMs?: number;
  cause?: unknown;
}

/** An HTTP error status as a TargetError: 401/403 auth, 429 rate-limit, anything else http. */
export function statusError(status: number, c: StatusErrorContext): TargetError {
  const options = { cause: c.cause, retryAfterMs: c.retryAfterMs };
  if (status === 401 || status === 403) {
    return new TargetError('auth', `${c.service} refused the credentials (HTTP ${status}): ${c.detail}. Check ${c.keyEnv}.`, status, {
      cause: c.cause,
    });
  }
  if (status === 429) return new TargetError('rate-limit', `${c.service} rate limit (HTTP 429): ${c.detail}`, status, options);
  return new TargetError('http', `${c.service} answered HTTP ${status}: ${c.detail}`, status, options);
}
