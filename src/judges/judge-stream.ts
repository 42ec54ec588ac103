import type { Judge, Judgement, Verdict } from '../spec/index.js';
import { parseJudgeLine } from './judge-line.js';

export interface JudgeStreamOptions {
  judge: Judge;
  /** Judgements in flight at once (an LLM judge is I/O-bound); output keeps input order. */
  concurrency?: number;
  signal?: AbortSignal;
}

export type JudgedLine =
  { kind: 'judged'; lineNo: number; verdict: Verdict; json: string } | { kind: 'malformed'; lineNo: number; error: string; json: string };

function judgedJson(record: Record<string, unknown>, j: Judgement): string {
  return JSON.stringify({
    ...record,
    verdict: j.verdict,
    confidence: Number(j.confidence.toFixed(4)),
    signals: j.signals,
    judge: j.judge,
    ...(j.error ? { error: j.error } : {}),
  });
}

/**
 * Judges JSONL lines as they arrive, yielding one output line per non-blank input line, in
 * order. A malformed line yields an error line (`{"line", "error"}`) and the stream goes on: a
 * bad line never stops the run or costs a good line. Stops early, cleanly, when aborted.
 */
export async function* judgeLines(lines: AsyncIterable<string>, o: JudgeStreamOptions): AsyncGenerator<JudgedLine> {
  const limit = Math.max(1, o.concurrency ?? 1);
  const pending: Array<Promise<JudgedLine>> = [];
  let lineNo = 0;
  for await (const text of lines) {
    lineNo++;
    if (o.signal?.aborted) break;
    if (text.trim() === '') continue;
    const n = lineNo;
    const parsed = parseJudgeLine(text, n);
    if (!parsed.ok) {
      const json = JSON.stringify({ line: n, ...(parsed.id === undefined ? {} : { id: parsed.id }), error: parsed.error });
      pending.push(Promise.resolve({ kind: 'malformed', lineNo: n, error: parsed.error, json }));
    } else {
      const p = Promise.resolve(o.judge.judge(parsed.input)).then((j): JudgedLine => ({
        kind: 'judged',
        lineNo: n,
        verdict: j.verdict,
        json: judgedJson(parsed.record, j),
      }));
      // Awaited in order below; the handler only keeps a later line's failure from being reported as unhandled meanwhile.
      p.catch(() => {});
      pending.push(p);
    }
    while (pending.length >= limit) yield await pending.shift()!;
  }
  while (pending.length > 0) yield await pending.shift()!;
}
