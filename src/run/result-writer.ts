import type { CaseResult } from '../spec/index.js';

export interface ResultSink {
  putResults(results: CaseResult[]): void;
}

/**
 * Stores results as they arrive, grouping those that finish in the same tick into one
 * transaction: one commit per burst instead of per case. `flush()` writes what is waiting; the
 * runner calls it before it reports the run finished or interrupted.
 */
export function createResultWriter(sink: ResultSink): { write(result: CaseResult): void; flush(): void } {
  let pending: CaseResult[] = [];
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    sink.putResults(batch);
  };
  return {
    write(result) {
      pending.push(result);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}
