import type { IncomingMessage } from 'node:http';

export interface IngestQueue {
  /** Runs `task` when every ingest queued before it has finished; undefined when its client left while it waited. */
  run<T>(req: IncomingMessage, task: () => Promise<T>): Promise<T | undefined>;
  /** Ingests running (0 or 1) and waiting for their turn with their client still there. */
  stats(): { running: number; waiting: number };
}

/**
 * One live ingest at a time: batches stay bounded in memory and records keep their arrival order.
 * A turn never waits on a client that left: a request whose connection closed while it waited is
 * skipped when its turn comes (its body would never end, and the queue would hang behind it), and
 * a running ingest whose client leaves ends with an error (see ingestRequest).
 */
export function createIngestQueue(): IngestQueue {
  let chain: Promise<unknown> = Promise.resolve();
  let running = 0;
  let waiting = 0;
  return {
    run(req, task) {
      waiting += 1;
      let left = false;
      const onClose = (): void => {
        if (req.complete) return;
        left = true;
        waiting -= 1;
      };
      req.once('close', onClose);
      const turn = chain
        .catch(() => undefined)
        .then(async () => {
          req.off('close', onClose);
          if (left || (req.destroyed && !req.complete)) {
            if (!left) waiting -= 1;
            return undefined;
          }
          waiting -= 1;
          running += 1;
          try {
            return await task();
          } finally {
            running -= 1;
          }
        });
      chain = turn;
      return turn;
    },
    stats: () => ({ running, waiting }),
  };
}
