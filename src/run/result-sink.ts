import type { CaseResult } from '../spec/index.js';
import type { Store } from '../store/index.js';

/**
 * Where results go as they finish. The runner writes each result once and flushes before it
 * reports the run finished or interrupted; `flush()` resolves when everything written is stored.
 */
export interface ResultSink {
  write(result: CaseResult): void;
  flush(): Promise<void>;
}

/**
 * Stores results as they arrive, grouping those that finish in the same tick into one
 * transaction: one commit per burst instead of per case. Batches are written in order; once a
 * write fails, `onError` hears of it (the runner stops) and `flush()` rejects with it.
 */
export function storeSink(store: Pick<Store, 'putResults'>, o: { onError?: (error: unknown) => void } = {}): ResultSink {
  let pending: CaseResult[] = [];
  let scheduled = false;
  let writing: Promise<void> = Promise.resolve();
  let failure: unknown;
  const drain = (): Promise<void> => {
    scheduled = false;
    if (pending.length > 0) {
      const batch = pending;
      pending = [];
      writing = writing
        .then(async () => {
          if (failure === undefined) await store.putResults(batch);
        })
        .catch((e: unknown) => {
          failure ??= e;
          o.onError?.(e);
        });
    }
    return writing;
  };
  return {
    write(result) {
      pending.push(result);
      if (!scheduled) {
        scheduled = true;
        setImmediate(drain);
      }
    },
    async flush() {
      await drain();
      if (failure !== undefined) throw failure;
    },
  };
}
