import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export function isLoopbackHost(host: string): boolean {
  return host === '127.0.0.1' || host === '::1' || host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

const COOKIE = 'rd_token';

/** The token a request carries: `Authorization: Bearer`, `?token=`, or the cookie a `?token=` visit set. */
export function presentedToken(req: IncomingMessage, url: URL): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  const q = url.searchParams.get('token');
  if (q) return q;
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) {
      try {
        return decodeURIComponent(v.join('='));
      } catch {
        return undefined; // A malformed cookie is no token.
      }
    }
  }
  return undefined;
}

export function tokenMatches(presented: string | undefined, expected: string): boolean {
  if (presented === undefined) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** HttpOnly and SameSite=Strict: the browser sends it back to us only, and no script can read it. */
export function tokenCookie(token: string): string {
  return `${COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
}

/**
 * A loopback server must still refuse requests addressed to another host name: DNS rebinding
 * would otherwise let any web page read the dashboard through the user's browser.
 */
export function hostAllowed(req: IncomingMessage, bound: string, port: number): boolean {
  if (!isLoopbackHost(bound)) return true;
  const host = (req.headers.host ?? '').toLowerCase();
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `${bound}:${port}`].includes(host);
}

/**
 * State-changing requests must come from our own pages or a non-browser client: JSON or NDJSON
 * bodies (a cross-site form cannot send those without a preflight we never answer) and, when the
 * browser says where it comes from, our own origin.
 */
export function sameOriginWrite(req: IncomingMessage): boolean {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!['application/json', 'application/x-ndjson', 'application/jsonl'].includes(type)) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
