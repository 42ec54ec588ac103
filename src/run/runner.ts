import { setMaxListeners } from 'node:events';
import { TargetError, type CaseResult, type DrillCase, type RunContext, type RunEventListener, type RunRecord } from '../spec/index.js';
import type { Store } from '../store/index.js';
import { storeSink, type ResultSink } from './result-sink.js';
import { runOneCase } from './run-one-case.js';
import type { RunTools } from './run-tools.js';

export interface RunDrillOptions {
  store: Pick<Store, 'pendingCasePages' | 'countResults' | 'putResults' | 'setRunStatus' | 'getRun'>;
  run: RunRecord;
  context: RunContext;
  tools: RunTools;
  concurrency: number;
  signal?: AbortSignal;
  onEvent?: RunEventListener;
  /** Where results go as they finish; the store by default. */
  sink?: ResultSink;
}

export interface RunDrillOutcome {
  run: RunRecord;
  interrupted: boolean;
  completed: number;
  pending: number;
  /**
   * Set when the run stopped because the target failed for the first cases in a row without one
   * answer (unreachable, refused the key, wrong model): the first error, and how many failed.
   * The rest stay pending; the run is stored as failed and resumes once the target is fixed.
   */
  failedFast?: { error: string; failures: number };
}

/** Consecutive failures before any answer after which a run stops instead of failing every case. */
export const FAIL_FAST_AFTER = 3;

/** Errors that say the target cannot answer at all (not one request's bad luck). */
function targetDown(r: CaseResult): string | undefined {
  const e = r.turns.at(-1)?.error;
  if (r.judgement.verdict !== 'error' || !e || e.kind === 'not-recorded' || e.kind === 'rate-limit') return undefined;
  return `${e.kind}: ${e.message}`;
}

/**
 * Runs a run's pending cases in this process with a fixed pool of workers, storing each result
 * as it finishes, so an interruption loses at most the requests in flight; those cases stay
 * pending for `--resume`. A team's workers run the same cases one job at a time (src/distributed).
 */
export async function runDrill(o: RunDrillOptions): Promise<RunDrillOutcome> {
  const total = o.run.caseCount;
  let done = await o.store.countResults(o.run.id);
  const pendingCount = total - done;
  const nextCase = pendingQueue(o.store.pendingCasePages(o.run.id));
  let completed = 0;
  const emit = o.onEvent ?? (() => {});
  if (o.run.status !== 'running') await o.store.setRunStatus(o.run.id, 'running');
  emit({ type: 'run-start', run: o.run, pending: pendingCount, done });
  const inner = new AbortController();
  // Every request in flight listens on this one signal.
  setMaxListeners(0, inner.signal);
  let failure: unknown;
  let answered = false;
  let downInRow = 0;
  let failedFast: RunDrillOutcome['failedFast'];
  const fail = (e: unknown): void => {
    failure ??= e;
    inner.abort();
  };
  const sink = o.sink ?? storeSink(o.store, { onError: fail });
  const onAbort = (): void => inner.abort();
  o.signal?.addEventListener('abort', onAbort, { once: true });
  if (o.signal?.aborted) inner.abort();
  const worker = async (): Promise<void> => {
    while (!inner.signal.aborted) {
      const c = await nextCase().catch((e: unknown) => fail(e));
      if (!c || inner.signal.aborted) return;
      try {
        const result = await runOneCase(c, { run: o.run, tools: o.tools, context: o.context, signal: inner.signal });
        sink.write(result);
        completed += 1;
        done += 1;
        emit({ type: 'case-end', result, done, total });
        const down = answered ? undefined : targetDown(result);
        if (down === undefined) answered = true;
        else if (++downInRow >= FAIL_FAST_AFTER && !failedFast) {
          failedFast = { error: down, failures: downInRow };
          inner.abort();
        }
      } catch (e) {
        if (TargetError.isInstance(e) && e.kind === 'cancelled') return;
        fail(e);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(o.concurrency, pendingCount)) }, worker));
  } finally {
    o.signal?.removeEventListener('abort', onAbort);
    await sink.flush().catch(fail);
  }
  const left = pendingCount - completed;
  const interrupted = left > 0;
  // After a failed write (a full disk) this one may fail too: the first failure is the one to report.
  await o.store.setRunStatus(o.run.id, failure || failedFast ? 'failed' : interrupted ? 'interrupted' : 'done').catch((e: unknown) => {
    if (failure === undefined) throw e;
  });
  const run = failure ? o.run : ((await o.store.getRun(o.run.id)) ?? o.run);
  emit({ type: 'run-end', run, interrupted: interrupted && !failedFast });
  if (failure) throw failure;
  return { run, interrupted: interrupted && !failedFast, completed, pending: left, ...(failedFast ? { failedFast } : {}) };
}

/** The run's pending cases a page at a time, handed out one by one to the workers in plan order. */
function pendingQueue(pages: AsyncIterable<DrillCase[]>): () => Promise<DrillCase | undefined> {
  const it = pages[Symbol.asyncIterator]();
  let page: DrillCase[] = [];
  let head = 0;
  let ended = false;
  let loading: Promise<void> | undefined;
  return async () => {
    while (head >= page.length && !ended) {
      loading ??= it
        .next()
        .then((p) => {
          if (p.done) ended = true;
          else [page, head] = [p.value, 0];
        })
        .finally(() => (loading = undefined));
      await loading;
    }
    return head < page.length ? page[head++] : undefined;
  };
}
