import type { CaseResult } from './case-result.js';
import type { RunRecord } from './run.js';

/** What core code reports; the CLI and dashboard render these, core never prints. */
export type RunEvent =
  | { type: 'run-start'; run: RunRecord; pending: number; done: number }
  | { type: 'case-end'; result: CaseResult; done: number; total: number }
  | { type: 'notice'; message: string }
  | { type: 'retry'; caseId: string; attempt: number; delayMs: number; reason: string }
  | { type: 'run-end'; run: RunRecord; interrupted: boolean };

export type RunEventListener = (event: RunEvent) => void;
