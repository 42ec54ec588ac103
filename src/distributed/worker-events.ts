/** What a worker reports; the CLI prints these, the worker itself never does. */
export type WorkerEvent =
  | { type: 'case-stored'; runId: string; caseId: string; verdict: string }
  /** The case already had a result (another worker finished it first, or a job was redelivered). */
  | { type: 'case-duplicate'; runId: string; caseId: string }
  | { type: 'case-skipped'; runId: string; caseId: string; reason: string }
  | { type: 'case-failed'; runId: string; caseId: string; error: string; willRetry: boolean }
  | { type: 'queue-error'; error: string };

export type WorkerEventListener = (event: WorkerEvent) => void;
