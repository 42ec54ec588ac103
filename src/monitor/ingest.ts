import type { Readable } from 'node:stream';
import type { Judge } from '../spec/index.js';
import { byteChunks } from './byte-chunks.js';
import { MAX_LINE_BYTES, overlongError, takeLine } from './chunk-lines.js';
import type { FieldMapping } from './field-mapping.js';
import type { ChunkInput, IngestPool, WriteTarget } from './ingest-pool.js';
import type { IntentMatcher } from './intent-matcher.js';
import type { LogFormat } from './log-format.js';
import type { MonitorStore } from './monitor-store.js';
import { createChunkPreparer, type ChunkResult, type ChunkSettings, type LineError, type RawLine } from './prepare-chunk.js';
import type { RecordIdentity } from './record-id.js';
import { readLines } from './read-lines.js';
import type { RedactCounts } from './redact.js';

export type { LineError } from './prepare-chunk.js';

export interface IngestOptions {
  monitor: MonitorStore;
  /** The log, as lines or as a byte stream (a file, stdin). With a pool, bytes go to the workers undecoded. */
  lines?: AsyncIterable<string> | Iterable<string>;
  input?: Readable;
  /** Names where the records came from; part of each record's identity. */
  source: string;
  /** Judges in this thread, and names the judge stored with each record. */
  judge: Judge;
  /** Parse, match and judge in worker threads instead (their own judge and matcher, built from specs). */
  pool?: IngestPool;
  matcher?: IntentMatcher;
  matchThreshold?: number;
  redact?: boolean;
  mapping?: FieldMapping;
  /** The log's format; `auto` (the default) detects it per line. */
  format?: LogFormat;
  /** Stamped on records without a timestamp (a live feed's receipt time). */
  defaultTimestamp?: string;
  /** How records without a log id are identified: by line (files, the default) or by content (a live feed). */
  identity?: RecordIdentity;
  batchSize?: number;
  /** Bytes of log a worker gets at a time when reading `input` with a pool. */
  chunkBytes?: number;
  signal?: AbortSignal;
  onProgress?: (report: IngestReport) => void;
}

export interface IngestReport {
  source: string;
  lines: number;
  inserted: number;
  /** Records already in the store (a re-run, or the same log id twice); not counted again. */
  duplicates: number;
  malformed: number;
  /** The first malformed lines (by line number) with what was wrong; `malformed` counts them all. */
  errors: LineError[];
  interrupted: boolean;
  redactions?: RedactCounts;
}

const MAX_ERRORS = 100;

/**
 * Reads the log, has it prepared (parsed, matched, judged) in chunks — here or in a worker pool —
 * and writes each chunk in one transaction. Several chunks are in flight at once, so the judges
 * work while this thread reads; memory stays bounded by that depth. With a pool reading a byte
 * stream, this thread only cuts whole lines and moves the bytes to a worker; a writing pool also
 * stores its chunks (in whatever order they finish: ids, not order, keep a re-run from counting
 * twice). Bad lines are counted and reported by number, never fatal.
 */
export async function ingest(options: IngestOptions): Promise<IngestReport> {
  const { monitor, source } = options;
  const report: IngestReport = { source, lines: 0, inserted: 0, duplicates: 0, malformed: 0, errors: [], interrupted: false };
  if (options.redact) report.redactions = { email: 0, card: 0, ip: 0, phone: 0, id: 0 };
  const settings: ChunkSettings = {
    source,
    mapping: options.mapping,
    format: options.format,
    redact: options.redact,
    defaultTimestamp: options.defaultTimestamp,
    matchThreshold: options.matchThreshold,
    identity: options.identity,
  };
  const local = createChunkPreparer(settings, { judge: options.judge, matcher: options.matcher, exists: monitor.exists });
  const pool = options.pool;
  // A writing pool stores chunks itself, into this same SQLite file; rows then never come back.
  const poolWrites = pool?.writes === true && monitor.kind === 'sqlite';
  const ingestId = await monitor.beginIngest(source);
  const meta: WriteTarget = { source, judge: options.judge.id, ingestId };
  const prepare = (input: ChunkInput): Promise<ChunkResult> => {
    if (pool) return pool.prepare(settings, input, poolWrites ? meta : undefined);
    if ('bytes' in input) throw new Error('bytes are for a worker pool');
    return local(input.lines);
  };
  const depth = pool ? pool.size + 1 : 1;

  const write = async (r: ChunkResult): Promise<void> => {
    // Rows a writing worker stored are counted in `inserted` and `duplicates` already.
    const inserted = r.inserted ?? (r.rows.length ? await monitor.insertRecords(r.rows, meta) : 0);
    report.inserted += inserted;
    report.duplicates += r.inserted === undefined ? r.rows.length - inserted + r.duplicates : r.duplicates;
    addErrors(report, r.errors);
    if (r.redactions && report.redactions)
      for (const k of Object.keys(r.redactions) as Array<keyof RedactCounts>) report.redactions[k] += r.redactions[k];
    options.onProgress?.(report);
  };

  let lastWrite: Promise<void> = Promise.resolve();
  const inflight: Array<Promise<void>> = [];
  const dispatch = async (input: ChunkInput): Promise<void> => {
    const prepared = prepare(input);
    const previous = lastWrite;
    lastWrite = Promise.all([prepared, previous]).then(([r]) => write(r));
    inflight.push(lastWrite);
    while (inflight.length > depth) await inflight.shift();
  };

  try {
    if (pool && options.input) {
      // Whole lines as bytes: this thread only cuts and moves them; workers decode and split.
      for await (const c of byteChunks(options.input, { targetBytes: options.chunkBytes ?? 512 * 1024, maxLineBytes: MAX_LINE_BYTES })) {
        if (c.kind === 'overlong') {
          report.lines = c.line;
          addErrors(report, [overlongError(c.line)]);
        } else {
          report.lines = c.firstLine + c.lines - 1;
          await dispatch({ bytes: c.bytes, firstLine: c.firstLine });
        }
        if (options.signal?.aborted) {
          report.interrupted = true;
          break;
        }
      }
    } else {
      const batchSize = options.batchSize ?? 2000;
      let chunk: RawLine[] = [];
      const errors: LineError[] = [];
      for await (const raw of options.lines ?? (options.input ? readLines(options.input) : [])) {
        report.lines += 1;
        takeLine(raw, report.lines, { lines: chunk, errors });
        if (errors.length) addErrors(report, errors.splice(0));
        if (chunk.length >= batchSize) {
          await dispatch({ lines: chunk });
          chunk = [];
        }
        if (options.signal?.aborted) {
          report.interrupted = true;
          break;
        }
      }
      if (chunk.length) await dispatch({ lines: chunk });
    }
    await lastWrite;
  } finally {
    await lastWrite.catch(() => undefined);
    await monitor.finishIngest(ingestId, { ...report, finishedAt: report.interrupted ? null : new Date().toISOString() });
  }
  return report;
}

/** Keeps the first MAX_ERRORS by line number; chunks can finish out of order, so sort before trimming. */
function addErrors(report: IngestReport, errors: LineError[]): void {
  if (errors.length === 0) return;
  report.malformed += errors.length;
  report.errors = [...report.errors, ...errors].sort((a, b) => a.line - b.line).slice(0, MAX_ERRORS);
}
