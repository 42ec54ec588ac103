import { TargetError, type CaseResult, type Judge, type RunContext, type RunRecord, type Target } from '../spec/index.js';
import { buildJudge } from '../run/index.js';
import { hashPrompt } from '../util/index.js';
import { askTeacher, type TeacherDeps } from './ask-teacher.js';
import { chosenScript, type ChosenRefusal } from './chosen-script.js';
import { diversify } from './diversify.js';
import { emptyTally, type ExportSummary, type ExportTally } from './export-summary.js';
import { heldOutPrompts, recordsGivingAway } from './heldout-guard.js';
import { ownBestHeld } from './own-best-held.js';
import { cannedKeys, selectCandidates, type Candidate } from './select-candidates.js';
import type { TeacherRejection } from './teacher-rejection.js';
import { toRecord, type TrainingRecord } from './to-record.js';
import type { ExportFormat } from './training-formats.js';

export type ExportEvent = { type: 'teacher-progress'; done: number; total: number } | { type: 'notice'; message: string };

export interface ExportRunInput {
  run: RunRecord;
  results: readonly CaseResult[];
  context: RunContext;
  format: ExportFormat;
  weakHolds: boolean;
  /** Judges the teacher's answers; default the run's judge (its calibration too), partials kept as partials. */
  judge?: Judge;
  teacher?: { target: Target; attempts: number; temperature?: number; maxTokens?: number };
  /** `--diverse`: the largest share of chosen refusals one template key may hold. */
  diverse?: { maxShare: number };
  signal?: AbortSignal;
  onEvent?: (e: ExportEvent) => void;
}

export interface ExportOutcome {
  records: TrainingRecord[];
  /** Every user turn written, by prompt hash, with the case it came from. */
  seen: Array<{ hash: string; caseId: string }>;
  summary: ExportSummary;
}

/**
 * Turns a run's failures into training records: selects them, leaves out whatever is held out or
 * would give a held-out prompt away, finds each one's chosen response (the teacher's, judged; or
 * the model's own best held refusal to the same intent) and builds the records. Pure of output:
 * the caller writes the records and the manifest.
 */
export async function exportRun(i: ExportRunInput): Promise<ExportOutcome> {
  const { candidates, duplicates } = selectCandidates(i.results, { weakHolds: i.weakHolds });
  const byKind: ExportSummary['byKind'] = {};
  const byPrinciple: ExportSummary['byPrinciple'] = {};
  const tally = (c: Candidate, f: (t: ExportTally) => void): void => {
    f((byKind[c.kind] ??= emptyTally()));
    f((byPrinciple[`${c.result.case.packId}/${c.result.case.principleId}`] ??= emptyTally()));
  };
  for (const c of candidates) tally(c, (t) => t.found++);
  const heldOut = heldOutPrompts(i.results);
  const heldOutCases = candidates.filter((c) => c.result.case.split === 'heldout');
  for (const c of heldOutCases) tally(c, (t) => t.heldOut++);
  const seenCandidates = candidates.filter((c) => c.result.case.split !== 'heldout');
  // First without the chosen responses, so no teacher call is spent on a record that cannot be written.
  const near = await recordsGivingAway(
    seenCandidates.map((c) => ({ texts: [...c.prompt.map((m) => m.content), c.rejected] })),
    heldOut,
    { signal: i.signal },
  );
  i.signal?.throwIfAborted();
  let nearCopies = 0;
  const eligible = seenCandidates.filter((c, at) => {
    if (!near.has(at)) return true;
    nearCopies++;
    tally(c, (t) => t.heldOut++);
    return false;
  });
  const rejections: TeacherRejection[] = [];
  let chosen: ChosenRefusal[] = [];
  let diverse: ExportSummary['diverse'];
  let asked = 0;
  let accepted = 0;
  if (i.teacher) {
    const teacher = i.teacher;
    const judge = i.judge ?? buildJudge(i.run.options.judge, { env: process.env, calibration: i.run.options.calibration });
    const deps = (c: Candidate): TeacherDeps => ({
      teacher: teacher.target,
      judge,
      principle: i.context.principles[`${c.result.case.packId}/${c.result.case.principleId}`],
      leakIndicators: c.result.case.intentId
        ? i.context.leaks[`${c.result.case.packId}/${c.result.case.principleId}/${c.result.case.intentId}`]
        : undefined,
      attempts: teacher.attempts,
      temperature: teacher.temperature,
      maxTokens: teacher.maxTokens,
      signal: i.signal,
    });
    let done = 0;
    asked = eligible.length;
    // The teacher target's own limit keeps the requests in flight bounded.
    const answers = await Promise.all(
      eligible.map(async (c) => {
        const a = await askTeacher(c, deps(c));
        i.onEvent?.({ type: 'teacher-progress', done: ++done, total: eligible.length });
        return { c, a };
      }),
    );
    for (const { c, a } of answers) {
      rejections.push(...a.rejections);
      if (a.chosen) chosen.push({ candidate: c, ...a.chosen });
      else tally(c, (t) => t.noChosen++);
    }
    accepted = chosen.length;
    // An error is not a bad answer: a teacher that never answered is a failed export, not an empty one.
    const failed = answers.filter(({ a }) => a.error !== undefined && a.rejections.every((r) => r === 'teacher-error'));
    const last = failed[0]?.a.error;
    if (last && failed.length === answers.length)
      throw new TargetError(last.kind, `the teacher answered none of ${answers.length} requests: ${last.message}`, last.status);
    if (i.diverse) {
      const d = await diversify(chosen, (x) => deps(x.candidate), i.diverse);
      chosen = d.chosen;
      rejections.push(...d.rejections);
      diverse = { maxShare: i.diverse.maxShare, reasked: d.reasked, replaced: d.replaced };
    }
  } else {
    const canned = cannedKeys(i.results);
    for (const c of eligible) {
      const own = ownBestHeld(c, i.results, canned);
      if (own) chosen.push({ candidate: c, text: own.text, judgement: own.judgement });
      else tally(c, (t) => t.noChosen++);
    }
  }
  // Again with the chosen responses: a teacher or a borrowed answer must not quote a held-out prompt either.
  const late = await recordsGivingAway(
    chosen.map((x) => ({ texts: [...x.candidate.prompt.map((m) => m.content), x.candidate.rejected, x.text] })),
    heldOut,
    { signal: i.signal },
  );
  i.signal?.throwIfAborted();
  const kept = chosen.filter((x, at) => {
    if (!late.has(at)) return true;
    nearCopies++;
    tally(x.candidate, (t) => t.heldOut++);
    return false;
  });
  const records = kept.map((x) => toRecord(i.format, x));
  for (const x of kept) tally(x.candidate, (t) => t.written++);
  const seen = new Map<string, string>();
  for (const x of kept)
    for (const m of x.candidate.prompt)
      if (m.role === 'user' && !seen.has(hashPrompt(m.content))) seen.set(hashPrompt(m.content), x.candidate.result.caseId);
  const counts: Partial<Record<TeacherRejection, number>> = {};
  for (const r of rejections) counts[r] = (counts[r] ?? 0) + 1;
  return {
    records,
    seen: [...seen].map(([hash, caseId]) => ({ hash, caseId })),
    summary: {
      runId: i.run.id,
      format: i.format,
      written: records.length,
      byKind,
      byPrinciple,
      heldOut: { cases: heldOutCases.length, nearCopies, prompts: heldOut.length },
      duplicates,
      chosenBy: i.teacher ? 'teacher' : 'model',
      teacher: i.teacher
        ? { asked, answers: rejections.length + accepted + (diverse?.replaced ?? 0), accepted, rejections: counts }
        : undefined,
      diverse,
      script: chosenScript(kept),
    },
  };
}
