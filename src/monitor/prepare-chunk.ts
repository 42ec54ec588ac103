import type { Judge, JudgeInput, Judgement } from '../spec/index.js';
import type { FieldMapping } from './field-mapping.js';
import type { LogFormat } from './log-format.js';
import { DEFAULT_MATCH_THRESHOLD, resemblance, type IntentMatcher } from './intent-matcher.js';
import { parseLogLine } from './parse-log-line.js';
import { judgeInput, redactRecord } from './prepare-record.js';
import type { ProdRecord } from './prod-record.js';
import { flagsFor, signalBits } from './record-flags.js';
import { recordId, type RecordIdentity } from './record-id.js';
import type { RedactCounts } from './redact.js';

/** Per-ingest settings; plain data, so they cross into worker threads. */
export interface ChunkSettings {
  source: string;
  mapping?: FieldMapping;
  /** The log's format (`auto`, the default, detects it per line). */
  format?: LogFormat;
  redact?: boolean;
  /** Stamped on records without a timestamp (a live feed's receipt time); else a missing one is an error. */
  defaultTimestamp?: string;
  matchThreshold?: number;
  /** `content` for a live feed (see recordId); `line` for files. */
  identity?: RecordIdentity;
}

export type RawLine = [line: number, text: string];

export interface LineError {
  line: number;
  message: string;
}

/** One judged record, as the monitor_records row stores it. */
export interface RecordRow {
  id: string;
  line: number;
  tsMs: number;
  prompt: string;
  response: string;
  context: string | null;
  verdict: string;
  confidence: number;
  templateKey: string;
  signalBits: number | null;
  latencyMs: number | null;
  matchKind: string | null;
  matchRef: string | null;
  matchSim: number | null;
  flags: string;
}

export interface ChunkResult {
  rows: RecordRow[];
  /** Set when a worker stored the rows itself: how many were new (`rows` is then empty, `duplicates` counts the rest). */
  inserted?: number;
  errors: LineError[];
  duplicates: number;
  redactions?: RedactCounts;
}

export interface PrepareDeps {
  judge: Judge;
  matcher?: IntentMatcher;
  /** Whether a record is already stored, so a re-run does not re-judge it. */
  exists?: (id: string) => boolean;
}

/**
 * Turns raw log lines into judged rows: parse, redact, identify, match against pack intents and
 * twins, judge. No database writes, so it runs in the ingesting thread or in a worker alike.
 */
export function createChunkPreparer(settings: ChunkSettings, deps: PrepareDeps): (lines: RawLine[]) => Promise<ChunkResult> {
  const threshold = settings.matchThreshold ?? DEFAULT_MATCH_THRESHOLD;
  const defaultTimestamp = settings.defaultTimestamp;
  const parseOptions = {
    mapping: settings.mapping,
    format: settings.format,
    defaultTimestamp: defaultTimestamp === undefined ? undefined : () => defaultTimestamp,
  };
  // Looking every record up costs a fifth of an insert and a fresh log has no duplicates, so records
  // are looked up only while duplicates keep turning up (a re-run). INSERT OR IGNORE keeps the
  // counts right either way; the look-up only spares re-judging.
  let lookUp = true;
  return async (lines) => {
    const result: ChunkResult = { rows: [], errors: [], duplicates: 0 };
    const counts: RedactCounts | undefined = settings.redact ? { email: 0, card: 0, ip: 0, phone: 0, id: 0 } : undefined;
    if (counts) result.redactions = counts;
    const kept: Array<{ id: string; line: number; record: ProdRecord; like: ReturnType<typeof resemblance> }> = [];
    const inputs: JudgeInput[] = [];
    let dups = 0;
    const take = (one: ProdRecord, line: number): void => {
      const record = counts ? redactRecord(one, counts) : one;
      const id = recordId(settings.source, line, record, settings.identity);
      if ((lookUp || kept.length + dups === 0) && deps.exists?.(id)) {
        dups += 1;
        lookUp = true;
        return;
      }
      const like = deps.matcher ? resemblance(deps.matcher.match(record.prompt), threshold) : undefined;
      kept.push({ id, line, record, like });
      inputs.push(judgeInput(record, like?.match.ref, deps.matcher));
    };
    for (const [line, text] of lines) {
      const parsed = parseLogLine(text, parseOptions);
      if (!parsed.ok) {
        result.errors.push({ line, message: parsed.error });
        continue;
      }
      take(parsed.record, line);
      // An OpenTelemetry export line may hold several chat spans; each is its own record (its span id tells them apart).
      if (parsed.more) for (const one of parsed.more) take(one, line);
    }
    lookUp = dups > 0;
    result.duplicates = dups;
    for (let i = 0; i < kept.length; i++) {
      const k = kept[i] as (typeof kept)[number];
      const r = k.record;
      // A generation the log says failed is an error as it stands: there is nothing to judge.
      const out = r.error === undefined ? deps.judge.judge(inputs[i] as JudgeInput) : failed(r.error, deps.judge.id);
      const j = out instanceof Promise ? await out : out;
      result.rows.push({
        id: k.id,
        line: k.line,
        tsMs: r.tsMs,
        prompt: r.prompt,
        response: r.response,
        context: r.context ? JSON.stringify(r.context) : null,
        verdict: j.verdict,
        confidence: j.confidence,
        templateKey: j.signals?.templateKey ?? '',
        signalBits: signalBits(j.signals),
        latencyMs: r.latencyMs ?? null,
        matchKind: k.like?.kind ?? null,
        matchRef: k.like?.match.ref ?? null,
        matchSim: k.like?.match.sim ?? null,
        flags: flagsFor(j, k.like?.kind, r.response),
      });
    }
    return result;
  };
}

function failed(error: string, judge: string): Judgement {
  return { verdict: 'error', confidence: 1, judge, error };
}
