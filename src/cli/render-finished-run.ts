import { createReportCases, renderReport, runDirFiles } from '../report/index.js';
import { finishedExitCode, recordOutcome, resultsFileOf, runDirOf, summarizeRun, writeRunDir } from '../run/index.js';
import type { GatePolicy } from '../metrics/index.js';
import type { RunRecord } from '../spec/index.js';
import type { Store } from '../store/index.js';
import { oneLine } from '../util/index.js';
import type { CliContext } from './context.js';

/**
 * A finished run's outputs, the same for local and queued runs: its outcome stored with it, the
 * run directory with the scorecard and every report, the terminal scorecard, and the exit code
 * (gate, all-errors). The results stream from the store once, into results.jsonl, the scorecard's
 * aggregates and the reports' tally: nothing holds them all.
 */
export async function renderFinishedRun(
  store: Pick<Store, 'getRun' | 'resultPages' | 'finishRun' | 'path'>,
  run: RunRecord,
  o: { policy?: GatePolicy; out?: string; audit?: string; ctx: CliContext },
): Promise<number> {
  const { ctx } = o;
  const outDir = runDirOf(run, o.out);
  const cases = createReportCases();
  const s = await summarizeRun(store, run.id, { policy: o.policy, resultsFile: resultsFileOf(outDir), each: (r) => cases.add(r) });
  const finished = await recordOutcome(store, s, { policy: o.policy });
  const input = {
    scorecard: s.scorecard,
    cases: cases.finish(),
    gate: s.gate,
    auditHtml: o.audit ? await auditSection(o.audit) : undefined,
  };
  writeRunDir(outDir, finished, runDirFiles(input));
  ctx.out(renderReport('text', { ...input, color: ctx.isTTY }));
  ctx.out(
    `run ${finished.id}: results in ${outDir}/ (run.json, results.jsonl, scorecard.json, report.html, report.md, junit.xml); stored in ${store.path}`,
  );
  if (s.results > 0 && s.errors === s.results)
    ctx.err(`every case failed at the target; first error: ${oneLine(s.firstError ?? 'unknown', 500)}`);
  else if (s.errors > 0)
    ctx.err(`warning: ${s.errors} of ${s.results} cases ended in a target error; they are reported as errors, not as refusals or answers`);
  return finishedExitCode(s);
}

/** The audit section's reader (and the audit module) load only for `--audit`. */
async function auditSection(file: string): Promise<string> {
  return (await import('./load-audit-section.js')).loadAuditSection(file);
}
