import type { IncomingMessage } from 'node:http';
import { Transform } from 'node:stream';
import { ingest, parseLogFormat, readLines } from '../monitor/index.js';
import type { IntentMatcher, IngestReport, MonitorStore } from '../monitor/index.js';
import type { Judge } from '../spec/index.js';
import { InputError } from '../spec/index.js';

export interface IngestEndpointOptions {
  monitor: MonitorStore;
  judge: Judge;
  matcher?: IntentMatcher;
  matchThreshold?: number;
  redact?: boolean;
  maxBytes?: number;
}

/**
 * NDJSON from a live feed: streamed line by line, stamped on receipt when a record has no
 * timestamp. Records are identified by their log id, else by content, so a batch retried against
 * another instance sharing the store is not counted twice.
 */
export async function ingestRequest(req: IncomingMessage, url: URL, o: IngestEndpointOptions): Promise<IngestReport> {
  const source = url.searchParams.get('source') ?? headerValue(req.headers['x-source']) ?? 'api';
  if (!/^[\w.:@/-]{1,200}$/.test(source))
    throw new InputError(`source: expected letters, digits and . _ : @ / - (at most 200), got "${source.slice(0, 40)}"`);
  const format = parseLogFormat(url.searchParams.get('format') ?? 'auto', 'format');
  const max = o.maxBytes ?? 512 * 2 ** 20;
  let seen = 0;
  // Counted in a transform, not a 'data' listener: a listener would set the body flowing before
  // the ingest starts reading (it first opens its bookkeeping row, which takes a round trip on Postgres).
  const body = req.pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        seen += chunk.length;
        callback(seen > max ? new InputError(`request body larger than ${max} bytes`) : null, chunk);
      },
    }),
  );
  req.once('error', (e) => body.destroy(e));
  // A client that leaves mid-body: without this the lines would never end and the ingest queue would wait for ever.
  req.once('close', () => {
    if (!req.complete) body.destroy(new InputError('the client closed the connection before the body ended'));
  });
  const received = new Date().toISOString();
  return ingest({
    monitor: o.monitor,
    lines: readLines(body),
    source,
    judge: o.judge,
    matcher: o.matcher,
    matchThreshold: o.matchThreshold,
    redact: o.redact,
    format,
    defaultTimestamp: received,
    // A live feed: the same record posted again (a retry, or to another instance) is the same record.
    identity: 'content',
  });
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
