import { UsageError } from '../spec/index.js';
import { sha256 } from '../util/index.js';

/** Parses a base URL given by flag or environment, naming where it came from when it is not one. */
export function parseBaseUrl(value: string, from: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${from} must be an http(s) URL such as http://127.0.0.1:8000/v1, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${from} must be an http(s) URL, got "${value}"`);
  return url;
}

/** The URL as the SDKs want it: no trailing slash. */
export function baseUrlString(url: URL): string {
  return url.toString().replace(/\/+$/, '');
}

/**
 * What the SDKs are given: they append `/chat/completions` to the base URL as text, so a query
 * (`?api-version=…`, a gateway's key) goes in `defaultQuery`, not before the path.
 */
export function sdkEndpoint(url: URL): { baseURL: string; defaultQuery?: Record<string, string> } {
  const bare = new URL(url.toString());
  bare.search = '';
  bare.hash = '';
  const query = Object.fromEntries(url.searchParams);
  return { baseURL: baseUrlString(bare), ...(url.search ? { defaultQuery: query } : {}) };
}

/** Query parameters that carry a secret by their name (key, token, signature, password, …). */
const SECRET_PARAM = /key|token|secret|sig|pass|auth|cred|session|code/i;

/**
 * The base URL as a run may store it: no `user:password@`, no secret-looking query parameter
 * (the others — `api-version`, `deployment` — say which endpoint it is and stay). `removed` says
 * whether anything was taken out: a resume must then be given the URL again.
 */
export function storableBaseUrl(value: string): { url: string; removed: boolean } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { url: value, removed: false };
  }
  const removed = url.username !== '' || url.password !== '' || [...url.searchParams.keys()].some((k) => SECRET_PARAM.test(k));
  url.username = '';
  url.password = '';
  for (const k of [...url.searchParams.keys()]) if (SECRET_PARAM.test(k)) url.searchParams.delete(k);
  url.hash = '';
  return { url: baseUrlString(url), removed };
}

/** The secret parts of a URL, for a redactor: its password and user name, and secret-looking query values. */
export function urlSecrets(url: URL): string[] {
  const params = [...url.searchParams].filter(([k]) => SECRET_PARAM.test(k)).map(([, v]) => v);
  return [url.password, url.username, decodeURIComponent(url.password), ...params].filter((s) => s !== '');
}

/**
 * The URL as it may appear in a target id: credentials and query strings (where some gateways
 * take their key) are dropped, so the id stays secret-free.
 */
export function publicUrl(url: URL): string {
  const clean = new URL(url.toString());
  clean.username = '';
  clean.password = '';
  clean.search = '';
  clean.hash = '';
  return baseUrlString(clean);
}

/**
 * The whole URL, credentials and query included, as a hash: what tells apart two deployments that
 * share a public URL (`?deployment=a` and `?deployment=b`), without keeping a secret in clear.
 */
export function endpointHash(url: URL): string {
  return sha256(`endpoint\n${url.toString()}`).slice(0, 32);
}

/**
 * Ollama's `OLLAMA_HOST` is whatever `ollama serve` listens on: `0.0.0.0`, `127.0.0.1:11434`,
 * `http://host:port`. Turns it into the OpenAI-compatible base URL.
 */
export function ollamaBaseUrl(host: string | undefined): string {
  if (!host || host.trim() === '') return 'http://localhost:11434/v1';
  let value = host.trim();
  if (!/^https?:\/\//i.test(value)) value = `http://${value}`;
  const url = parseBaseUrl(value, 'OLLAMA_HOST');
  // A listen-on-all address is not something to connect to.
  if (url.hostname === '0.0.0.0') url.hostname = '127.0.0.1';
  if (url.hostname === '[::]') url.hostname = '[::1]';
  const authority = value.replace(/^https?:\/\//i, '').split('/')[0] ?? '';
  if (!/:\d+$/.test(authority)) url.port = '11434';
  const path = url.pathname.replace(/\/+$/, '');
  url.pathname = path.endsWith('/v1') ? path : `${path}/v1`;
  return baseUrlString(url);
}
