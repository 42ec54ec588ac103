import { setMaxListeners } from 'node:events';
import { TargetError, type RunContext, type RunEventListener, type RunRecord } from '../spec/index.js';
import type { Store } from '../store/index.js';
import { storeSink, type ResultSink } from './result-sink.js';
import { runOneCase } from './run-one-case.js';
import type { RunTools } from './run-tools.js';

export interface RunDrillOptions {
  store: Pick<Store, 'pendingCases' | 'putResults' | 'setRunStatus' | 'getRun'>;
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
}

/**
 * Runs a run's pending cases in this process with a fixed pool of workers, storing each result
 * as it finishes, so an interruption loses at most the requests in flight; those cases stay
 * pending for `--resume`. A team's workers run the same cases one job at a time (src/distributed).
 */
export async function runDrill(o: RunDrillOptions): Promise<RunDrillOutcome> {
  const pending = await o.store.pendingCases(o.run.id);
  const total = o.run.caseCount;
  let done = total - pending.length;
  let next = 0;
  let completed = 0;
  const emit = o.onEvent ?? (() => {});
  if (o.run.status !== 'running') await o.store.setRunStatus(o.run.id, 'running');
  emit({ type: 'run-start', run: o.run, pending: pending.length, done });
  const inner = new AbortController();
  // Every request in flight listens on this one signal.
  setMaxListeners(0, inner.signal);
  let failure: unknown;
  const fail = (e: unknown): void => {
    failure ??= e;
    inner.abort();
  };
  const sink = o.sink ?? storeSink(o.store, { onError: fail });
  const onAbort = (): void => inner.abort();
  o.signal?.addEventListener('abort', onAbort, { once: true });
  if (o.signal?.aborted) inner.abort();
  const worker = async (): Promise<void> => {
    while (!inner.signal.aborted && next < pending.length) {
      const c = pending[next++]!;
      try {
        const result = await runOneCase(c, { run: o.run, tools: o.tools, context: o.context, signal: inner.signal });
        sink.write(result);
        completed += 1;
        done += 1;
        emit({ type: 'case-end', result, done, total });
      } catch (e) {
        if (TargetError.isInstance(e) && e.kind === 'cancelled') return;
        fail(e);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(o.concurrency, pending.length)) }, worker));
  } finally {
    o.signal?.removeEventListener('abort', onAbort);
    await sink.flush().catch(fail);
  }
  const left = pending.length - completed;
  const interrupted = left > 0;
  // After a failed write (a full disk) this one may fail too: the first failure is the one to report.
  await o.store.setRunStatus(o.run.id, failure ? 'failed' : interrupted ? 'interrupted' : 'done').catch((e: unknown) => {
    if (failure === undefined) throw e;
  });
  const run = failure ? o.run : ((await o.store.getRun(o.run.id)) ?? o.run);
  emit({ type: 'run-end', run, interrupted });
  if (failure) throw failure;
  return { run, interrupted, completed, pending: left };
}
