import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadGatePolicy, storedGatePolicy } from '../../metrics/index.js';
import { summarizeRun, withRun } from '../../run/index.js';
import { resolveDbRef, DEFAULT_DB } from '../../store/index.js';
import { createReportCases, isReportFormat, renderReport, REPORT_FORMATS } from '../../report/index.js';
import { EXIT, UsageError } from '../../spec/index.js';
import type { RegisterCommand } from '../command-module.js';
import { loadAuditSection } from '../load-audit-section.js';
import { DB_HELP, positiveInt } from '../parse-options.js';

interface ReportOptions {
  format: string;
  out?: string;
  db: string;
  gate?: string | boolean;
  k?: number;
  audit?: string;
}

export const registerReport: RegisterCommand = (program, ctx, done) => {
  program
    .command('report')
    .description('Render a stored run or a run directory as a scorecard report')
    .argument('<run>', 'run id, unique id prefix, `latest`, or a run directory (run.json + results.jsonl)')
    .option('-f, --format <format>', `${REPORT_FORMATS.join(' | ')}`, 'text')
    .option('-o, --out <file>', 'write the report to a file instead of stdout')
    .option('--db <file|url>', DB_HELP, DEFAULT_DB)
    .option(
      '--gate [policy]',
      'include the deploy gate under this policy (default policy, or a YAML file); else the gate the run was checked against, if any',
    )
    .option('--k <n>', 'rephrasings an intent needs for hold_all_k', positiveInt('--k'))
    .option('--audit <audit.json>', 'add the contamination audit section to the HTML report')
    .action(async (ref: string, o: ReportOptions) => {
      if (!isReportFormat(o.format)) throw new UsageError(`--format expects one of ${REPORT_FORMATS.join(', ')}, got "${o.format}"`);
      const policy = o.gate === undefined || o.gate === false ? undefined : loadGatePolicy(typeof o.gate === 'string' ? o.gate : undefined);
      // the results stream a page at a time into the scorecard's aggregates and the reports' tally
      const cases = createReportCases();
      const { run, scorecard, gate } = await withRun(ref, { db: resolveDbRef({ flag: o.db, env: ctx.env }) }, ({ run, source }) =>
        summarizeRun(source, run.id, { policy: policy ?? storedGatePolicy(run), k: o.k, each: (r) => cases.add(r) }),
      );
      const auditHtml = o.audit ? loadAuditSection(o.audit) : undefined;
      const text = renderReport(o.format, {
        scorecard,
        cases: cases.finish(),
        gate,
        auditHtml,
        color: o.format === 'text' && !o.out && ctx.isTTY && !ctx.env['NO_COLOR'],
      });
      if (o.out) {
        mkdirSync(dirname(o.out), { recursive: true });
        writeFileSync(o.out, text);
        ctx.err(`wrote ${o.format} report of run ${run.id} to ${o.out}`);
      } else ctx.out(text);
      done(EXIT.ok);
    });
};
