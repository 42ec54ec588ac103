import { renderReport, runDirFiles } from '../report/index.js';
import { finishedExitCode, runDirOf, writeRunDir, type RunSummary } from '../run/index.js';
import { oneLine } from '../util/index.js';
import type { CliContext } from './context.js';
import { loadAuditSection } from './load-audit-section.js';

/**
 * A finished run's outputs, the same for local and queued runs: the run directory with the
 * scorecard and every report, the terminal scorecard, and the exit code (gate, all-errors).
 */
export function renderFinishedRun(s: RunSummary, o: { out?: string; audit?: string; storePath: string; ctx: CliContext }): number {
  const { run, results, scorecard, gate } = s;
  const { ctx } = o;
  const outDir = runDirOf(run, o.out);
  const input = { scorecard, results, gate, auditHtml: o.audit ? loadAuditSection(o.audit) : undefined };
  writeRunDir(outDir, run, results, runDirFiles(input));
  ctx.out(renderReport('text', { ...input, color: ctx.isTTY }));
  ctx.out(
    `run ${run.id}: results in ${outDir}/ (run.json, results.jsonl, scorecard.json, report.html, report.md, junit.xml); stored in ${o.storePath}`,
  );
  const errors = results.filter((r) => r.judgement.verdict === 'error');
  if (results.length > 0 && errors.length === results.length)
    ctx.err(`every case failed at the target; first error: ${oneLine(errors[0]?.judgement.error ?? 'unknown', 500)}`);
  else if (errors.length > 0)
    ctx.err(
      `warning: ${errors.length} of ${results.length} cases ended in a target error; they are reported as errors, not as refusals or answers`,
    );
  return finishedExitCode(s);
}
