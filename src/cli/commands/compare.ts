import { loadGatePolicy, storedGatePolicy } from '../../metrics/index.js';
import {
  compareRuns,
  createCaseChanges,
  isRegression,
  COMPARE_FORMATS,
  renderComparison,
  type CompareFormat,
  type RunSide,
} from '../../report/index.js';
import { summarizeRun, withRun } from '../../run/index.js';
import type { CaseResult } from '../../spec/index.js';
import { DEFAULT_DB, resolveDbRef } from '../../store/index.js';
import { EXIT, UsageError } from '../../spec/index.js';
import type { RegisterCommand } from '../command-module.js';
import { DB_HELP } from '../parse-options.js';

const FORMATS: readonly CompareFormat[] = COMPARE_FORMATS;

interface CompareOptions {
  format: string;
  db: string;
  policy?: string;
  failOnRegression?: boolean;
}

export const registerCompare: RegisterCommand = (program, ctx, done) => {
  program
    .command('compare')
    .description(
      'Is B better than A, and where: the verdict and gate, the headline metrics with change and interval, the slices that differ, the cases that flipped',
    )
    .argument('<runA>', 'the baseline: run id, prefix, `latest`, or a run directory')
    .argument('<runB>', 'the candidate')
    .option('-f, --format <format>', FORMATS.join(' | '), 'text')
    .option('--db <file|url>', DB_HELP, DEFAULT_DB)
    .option('--policy <file>', "gate both runs under this policy (else each run's own, stored when it was gated; else the default)")
    .option(
      '--fail-on-regression',
      'exit 1 when a behaviour metric got worse outside the noise (overall or in a slice) or a gate rule newly fails',
    )
    .action(async (refA: string, refB: string, o: CompareOptions) => {
      if (!FORMATS.includes(o.format as CompareFormat))
        throw new UsageError(`--format expects one of ${FORMATS.join(', ')}, got "${o.format}"`);
      // each run streams once, A before B: A leaves one number per case, B only the cases that flipped
      const cases = createCaseChanges();
      const side = (ref: string, each: (r: CaseResult) => void): Promise<RunSide> =>
        withRun(ref, { db: resolveDbRef({ flag: o.db, env: ctx.env }) }, async ({ run, source }) => {
          const stored = o.policy === undefined ? storedGatePolicy(run) : undefined;
          const { scorecard } = await summarizeRun(source, run.id, { each });
          return { scorecard, ...(stored ? { storedGatePolicy: stored } : {}) };
        });
      const a = await side(refA, cases.before);
      const b = await side(refB, cases.after);
      const c = compareRuns(a, b, { cases: cases.finish(), policy: loadGatePolicy(o.policy) });
      ctx.out(renderComparison(c, o.format as CompareFormat));
      done(o.failOnRegression && isRegression(c) ? EXIT.gateFailed : EXIT.ok);
    });
};
