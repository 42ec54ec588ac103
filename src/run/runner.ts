import { setMaxListeners } from 'node:events';
import { TargetError, type DrillCase, type Judge, type RunEventListener, type RunRecord, type Target } from '../spec/index.js';
import type { Store } from '../store/index.js';
import type { CaseContext } from './case-context.js';
import { runAdaptiveCase } from './run-adaptive-case.js';
import { runCase } from './run-case.js';
import { createResultWriter } from './result-writer.js';

export interface RunDrillOptions {
  store: Store;
  run: RunRecord;
  target: Target;
  judge: Judge;
  context: (c: DrillCase) => CaseContext;
  concurrency: number;
  /** Drives adaptive (crescendo) cases; they fail with a usage error without one. */
  attacker?: Target;
  signal?: AbortSignal;
  onEvent?: RunEventListener;
}

export interface RunDrillOutcome {
  run: RunRecord;
  interrupted: boolean;
  completed: number;
  pending: number;
}

/**
 * Runs the run's pending cases with a fixed pool of workers, storing each result as it arrives,
 * so an interruption loses at most the requests in flight; those cases stay pending for `--resume`.
 */
export async function runDrill(o: RunDrillOptions): Promise<RunDrillOutcome> {
  const pending = o.store.pendingCases(o.run.id);
  const total = o.run.caseCount;
  let done = total - pending.length;
  let next = 0;
  let completed = 0;
  const emit = o.onEvent ?? (() => {});
  emit({ type: 'run-start', run: o.run, pending: pending.length, done });
  const inner = new AbortController();
  // Every request in flight listens on this one signal.
  setMaxListeners(0, inner.signal);
  const writer = createResultWriter(o.store);
  const onAbort = (): void => inner.abort();
  o.signal?.addEventListener('abort', onAbort, { once: true });
  if (o.signal?.aborted) inner.abort();
  let failure: unknown;
  const worker = async (): Promise<void> => {
    while (!inner.signal.aborted && next < pending.length) {
      const c = pending[next++]!;
      try {
        const result =
          c.kind === 'adaptive'
            ? await runAdaptiveCase(c, {
                runId: o.run.id,
                target: o.target,
                attacker: o.attacker,
                judge: o.judge,
                context: o.context(c),
                maxTurns: o.run.options.adaptiveTurns ?? 8,
                seed: o.run.options.seed,
                signal: inner.signal,
              })
            : await runCase(c, {
                runId: o.run.id,
                target: o.target,
                judge: o.judge,
                context: o.context(c),
                signal: inner.signal,
                temperature: o.run.options.temperature,
                maxTokens: o.run.options.maxTokens,
                seed: o.run.options.seed,
              });
        writer.write(result);
        completed += 1;
        done += 1;
        emit({ type: 'case-end', result, done, total });
      } catch (e) {
        if (TargetError.isInstance(e) && e.kind === 'cancelled') return;
        failure ??= e;
        inner.abort();
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(o.concurrency, pending.length)) }, worker));
  } finally {
    o.signal?.removeEventListener('abort', onAbort);
    writer.flush();
  }
  const left = o.store.pendingCases(o.run.id).length;
  const interrupted = left > 0;
  o.store.finishRun(o.run.id, failure ? 'failed' : interrupted ? 'interrupted' : 'done');
  const run = o.store.getRun(o.run.id) ?? o.run;
  emit({ type: 'run-end', run, interrupted });
  if (failure) throw failure;
  return { run, interrupted, completed, pending: left };
}
