import { InputError, TargetError, type Target, type TargetRequest, type TargetResponse } from '../../spec/index.js';
import { sha256 } from '../../util/index.js';
import { endpointHash, publicUrl } from '../base-url.js';
import { cappedText } from '../capped-body.js';
import { mapAnyFinish } from '../finish-reason.js';
import { limitedTarget, type Limits } from '../limits/limited-target.js';
import { parseRetryAfter } from '../limits/retry-delay.js';
import { redactor } from '../redact.js';
import { short } from '../truncate.js';
import { statusError } from '../status-error.js';
import { loadHttpConfig, type HttpConfig } from './http-config.js';
import { getPath } from './json-path.js';
import { placeholdersIn, renderText, renderValue } from './render-template.js';

export interface HttpTargetOptions {
  configFile: string;
  env: Record<string, string | undefined>;
  limits: Limits;
}

/**
 * Any JSON API, described by a config file: a request template and where the answer is in the
 * response. Not streamed, so time to first token is the time to the response headers.
 */
export function createHttpTarget(o: HttpTargetOptions): Target {
  const c = loadHttpConfig(o.configFile, o.env);
  const envValue = (name: string): string | undefined => (name.startsWith('env.') ? o.env[name.slice(4)] : undefined);
  const secrets = [c.url, ...Object.values(c.headers), ...(c.body === undefined ? [] : [c.body])]
    .flatMap((v) => placeholdersIn(v))
    .map(envValue);
  const redact = redactor(secrets);
  let url: URL;
  try {
    url = new URL(renderText(c.url, envValue, { json: false }));
  } catch {
    throw new InputError(`${c.file}: url: expected an http(s) URL, got "${c.url}"`);
  }
  // fetch would read file: and data: URLs too: a drill talks to a server, nothing else.
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new InputError(`${c.file}: url: expected an http(s) URL, got the ${url.protocol} scheme in "${c.url}"`);
  const headers = Object.fromEntries(Object.entries(c.headers).map(([k, v]) => [k, renderText(v, envValue, { json: false })]));
  const service = `HTTP endpoint ${redact(publicUrl(url))}`;
  // The templates (before env values are filled in) decide what is asked, so they are part of the identity.
  const fingerprint = sha256(
    JSON.stringify([c.method, c.model, c.body, c.responsePath.text, c.finishPath?.text, c.refusalPath?.text]),
  ).slice(0, 8);

  return limitedTarget({
    id: c.id ?? `http:${redact(publicUrl(url))}#${fingerprint}`,
    endpoint: endpointHash(url),
    limits: o.limits,
    redact,
    attempt: (request, signal) => send({ c, url, headers, envValue, service, request, signal, maxBytes: o.limits.maxResponseBytes }),
  });
}

interface SendInput {
  c: HttpConfig;
  url: URL;
  headers: Record<string, string>;
  envValue: (name: string) => string | undefined;
  service: string;
  request: TargetRequest;
  signal: AbortSignal;
  maxBytes: number;
}

async function send(i: SendInput): Promise<TargetResponse> {
  const { c, request } = i;
  const system = request.messages.filter((m) => m.role === 'system').map((m) => m.content);
  const values: Record<string, unknown> = {
    messages: request.messages,
    prompt: [...request.messages].reverse().find((m) => m.role === 'user')?.content ?? '',
    system: system.length ? system.join('\n\n') : undefined,
    model: c.model,
    maxTokens: request.maxTokens,
    temperature: request.temperature,
    seed: request.seed,
  };
  const lookup = (name: string): unknown => (name.startsWith('env.') ? i.envValue(name) : values[name]);
  const body =
    c.body === undefined || c.method === 'GET'
      ? undefined
      : typeof c.body === 'string'
        ? renderText(c.body, lookup, { json: true })
        : JSON.stringify(renderValue(c.body, lookup));
  const t0 = performance.now();
  let res: Response;
  try {
    res = await fetch(i.url, {
      method: c.method,
      headers: { 'content-type': 'application/json', accept: 'application/json', ...i.headers },
      body,
      signal: i.signal,
    });
  } catch (e) {
    throw new TargetError('network', `cannot reach ${i.service}: ${describe(e)}`, undefined, { cause: e });
  }
  const ttftMs = performance.now() - t0;
  let text: string;
  try {
    text = await cappedText(res, i.maxBytes);
  } catch (e) {
    if (TargetError.isInstance(e)) throw e;
    if (!res.ok)
      throw statusError(res.status, {
        service: i.service,
        keyEnv: `the headers in ${c.file}`,
        detail: res.statusText,
        retryAfterMs: parseRetryAfter(res.headers),
      });
    throw new TargetError('bad-response', `${i.service}: the response broke off: ${describe(e)}`, undefined, { cause: e });
  }
  if (!res.ok)
    throw statusError(res.status, {
      service: i.service,
      keyEnv: `the headers in ${c.file}`,
      detail: short(text.trim() || res.statusText, 200),
      retryAfterMs: parseRetryAfter(res.headers),
    });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new TargetError('bad-response', `${i.service} sent invalid JSON: ${short(JSON.stringify(text), 120)}`);
  }
  const latencyMs = performance.now() - t0;
  const answer = getPath(json, c.responsePath.steps);
  const refusal = c.refusalPath ? getPath(json, c.refusalPath.steps) : undefined;
  const refused = typeof refusal === 'string' && refusal !== '';
  if (typeof answer !== 'string' && !(answer === null && refused)) {
    throw new TargetError(
      'bad-response',
      `${i.service}: responsePath ${c.responsePath.text} (from ${c.file}) found ${answer === undefined ? 'nothing' : `a ${typeof answer}, not text`} in ${short(text, 160)}`,
    );
  }
  const finishRaw = c.finishPath ? getPath(json, c.finishPath.steps) : undefined;
  const finish = mapAnyFinish(typeof finishRaw === 'string' ? finishRaw : undefined);
  const content = typeof answer === 'string' ? answer : '';
  return {
    text: content === '' && refused ? refusal : content,
    finish: refused ? { unified: 'refusal', raw: finish.raw } : finish,
    latencyMs,
    ttftMs: Math.min(ttftMs, latencyMs),
    ...(refused ? { providerRefusal: refusal } : {}),
  };
}

function describe(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = e.cause instanceof Error ? `: ${e.cause.message}` : '';
  return `${e.message}${cause}`;
}
