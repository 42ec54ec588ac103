import { TargetError } from '../spec/index.js';
import { parseRetryAfter, type HeaderSource } from './limits/retry-delay.js';
import { statusError } from './status-error.js';
import { short } from './truncate.js';

type Ctor<T> = abstract new (...args: never[]) => T;

interface SdkApiError extends Error {
  status: number | undefined;
  headers: HeaderSource | undefined;
  error: unknown;
}

/** The error classes the OpenAI and Anthropic SDKs both export (same Stainless generator). */
export interface SdkErrorClasses {
  APIError: Ctor<SdkApiError>;
  APIUserAbortError: Ctor<Error>;
  APIConnectionError: Ctor<Error>;
  APIConnectionTimeoutError: Ctor<Error>;
}

export interface SdkErrorContext {
  /** Who answered, for messages: "OpenAI-compatible server at http://…". */
  service: string;
  /** The variable that holds the key, named in auth failures. */
  keyEnv: string;
}

/** Maps an SDK failure onto our kinds; anything unrecognised after the response began is a bad response. */
export function mapSdkError(e: unknown, classes: SdkErrorClasses, ctx: SdkErrorContext): TargetError {
  // Ours, raised inside the SDK's read (a body over the size cap), maybe wrapped by it.
  for (let c: unknown = e, depth = 0; c instanceof Error && depth < 5; c = c.cause, depth += 1) if (TargetError.isInstance(c)) return c;
  if (e instanceof classes.APIUserAbortError) return new TargetError('cancelled', 'the request was cancelled');
  if (e instanceof classes.APIConnectionTimeoutError) return new TargetError('timeout', `${ctx.service} did not answer in time`);
  if (e instanceof classes.APIConnectionError)
    return new TargetError('network', `cannot reach ${ctx.service}: ${causeMessage(e)}`, undefined, { cause: e });
  if (e instanceof classes.APIError) return fromStatus(e, ctx);
  if (e instanceof SyntaxError)
    return new TargetError('bad-response', `${ctx.service} sent invalid JSON: ${short(e.message)}`, undefined, { cause: e });
  // undici reports a socket closed mid-body as TypeError("terminated").
  const message = e instanceof Error ? causeMessage(e) : String(e);
  return new TargetError('bad-response', `${ctx.service}: the response broke off: ${short(message)}`, undefined, { cause: e });
}

function fromStatus(e: SdkApiError, ctx: SdkErrorContext): TargetError {
  const status = e.status;
  // Prefer the server's own words over the SDK's message, which restates the status and raw body.
  const detail = short(bodyMessage(e.error) ?? (status === undefined ? e.message : e.message.replace(new RegExp(`^${status}\\s+`), '')));
  const retryAfterMs = parseRetryAfter(e.headers);
  if (status === undefined) {
    // An `error` event inside a stream that had already started (e.g. Anthropic's overloaded_error).
    const type = errorType(e.error);
    if (type === 'overloaded_error') return new TargetError('http', `${ctx.service} is overloaded: ${detail}`, 529, { cause: e });
    if (type === 'rate_limit_error') return new TargetError('rate-limit', `${ctx.service} rate limit: ${detail}`, 429, { cause: e });
    return new TargetError('bad-response', `${ctx.service} reported an error mid-stream: ${detail}`, undefined, { cause: e });
  }
  return statusError(status, { service: ctx.service, keyEnv: ctx.keyEnv, detail, retryAfterMs, cause: e });
}

function bodyMessage(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const inner = 'error' in body && typeof body.error === 'object' && body.error !== null ? body.error : body;
  return 'message' in inner && typeof inner.message === 'string' && inner.message !== '' ? inner.message : undefined;
}

function errorType(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const inner = 'error' in body ? body.error : undefined;
  if (typeof inner === 'object' && inner !== null && 'type' in inner && typeof inner.type === 'string') return inner.type;
  return 'type' in body && typeof body.type === 'string' ? body.type : undefined;
}

function causeMessage(e: Error): string {
  const cause = e.cause;
  if (cause instanceof Error) {
    const code = 'code' in cause && typeof cause.code === 'string' ? ` (${cause.code})` : '';
    return `${e.message.replace(/\.$/, '')}: ${causeMessage(cause)}${code}`;
  }
  return e.message;
}
