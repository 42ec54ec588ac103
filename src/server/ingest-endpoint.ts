import type { IncomingMessage } from 'node:http';
import { ingest, type IngestReport } from '../monitor/ingest.js';
import type { IntentMatcher } from '../monitor/intent-matcher.js';
import { readLines } from '../monitor/read-lines.js';
import type { Judge } from '../spec/index.js';
import { InputError } from '../spec/errors.js';
import type { Store } from '../store/store.js';

export interface IngestEndpointOptions {
  store: Store;
  judge: Judge;
  matcher?: IntentMatcher;
  matchThreshold?: number;
  redact?: boolean;
  maxBytes?: number;
}

/** NDJSON from a live feed: streamed line by line, stamped on receipt when a record has no timestamp. */
export async function ingestRequest(req: IncomingMessage, url: URL, o: IngestEndpointOptions): Promise<IngestReport> {
  const source = url.searchParams.get('source') ?? headerValue(req.headers['x-source']) ?? 'api';
  if (!/^[\w.:@/-]{1,200}$/.test(source)) throw new InputError(`source: expected letters, digits and . _ : @ / - (at most 200), got "${source.slice(0, 40)}"`);
  const max = o.maxBytes ?? 512 * 2 ** 20;
  let seen = 0;
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > max) req.destroy(new InputError(`request body larger than ${max} bytes`));
  });
  const received = new Date().toISOString();
  return ingest({
    store: o.store,
    lines: readLines(req),
    source,
    judge: o.judge,
    matcher: o.matcher,
    matchThreshold: o.matchThreshold,
    redact: o.redact,
    defaultTimestamp: received,
  });
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
