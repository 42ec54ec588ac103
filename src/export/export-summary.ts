import type { ChosenScript } from './chosen-script.js';
import type { FailureKind } from './failure-kind.js';
import type { TeacherRejection } from './teacher-rejection.js';

/** Counts per failure kind or principle: what was found, what was written, what was left out and why. */
export interface ExportTally {
  found: number;
  written: number;
  /** Left out because the case is held out, or because a record would give a held-out prompt away. */
  heldOut: number;
  /** No acceptable chosen response (the teacher's every answer rejected, or no held answer of the model's own). */
  noChosen: number;
}

export interface ExportSummary {
  runId: string;
  format: 'sft' | 'dpo';
  written: number;
  byKind: Partial<Record<FailureKind, ExportTally>>;
  byPrinciple: Record<string, ExportTally>;
  heldOut: {
    /** Failures in held-out cases: never exported. */
    cases: number;
    /** Failures in seen cases whose record holds a held-out prompt or a near copy of one (the audit's detectors). */
    nearCopies: number;
    /** Held-out prompts the run holds, all checked against every record. */
    prompts: number;
  };
  /** The same conversation failed again (another sample): exported once. */
  duplicates: number;
  chosenBy: 'teacher' | 'model';
  teacher?: { asked: number; answers: number; accepted: number; rejections: Partial<Record<TeacherRejection, number>> };
  diverse?: { maxShare: number; reasked: number; replaced: number };
  script: ChosenScript;
}

export function emptyTally(): ExportTally {
  return { found: 0, written: 0, heldOut: 0, noChosen: 0 };
}
