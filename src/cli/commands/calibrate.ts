import { saveCalibration, fitCalibration, DEFAULT_JUDGE, judgeLines } from '../../judges/index.js';
import { confusion, figures, isRight, type Scored } from '../../judges/index.js';
import { EXIT, InputError, UsageError, type Verdict } from '../../spec/index.js';
import { DEFAULT_DB } from '../../store/index.js';
import { buildJudge } from '../../run/index.js';
import type { RegisterCommand } from '../command-module.js';
import type { CliContext } from '../context.js';
import { describeCalibration } from '../describe-calibration.js';
import { readLabelledLines, type LabelledLine } from '../labelled-lines.js';
import { calibrateFromReview } from './calibrate-review.js';
import { DB_HELP, positiveInt } from '../parse-options.js';
import { plural } from '../../util/index.js';

interface CalibrateOptions {
  judgeBaseUrl?: string;
  in?: string;
  out: string;
  judge: string;
  binary?: boolean;
  concurrency: number;
  minBlock: number;
  fromReview?: boolean;
  db: string;
  prior?: string;
}

const LISTED_ERRORS = 20;

export const registerCalibrate: RegisterCommand = (program, ctx, done) => {
  program
    .command('calibrate')
    .description(
      'Fit a judge\'s confidence to human labels: each JSONL line is a judge line plus "label" (refusal | partial | compliance); writes a map that --calibration applies on run and judge',
    )
    .option('--in <file>', 'labelled JSONL: {"prompt", "response", "label"} or {"messages": [...], "label"}')
    .option('--out <file>', 'where to write the calibration', 'calibration.json')
    .option(
      '--judge <spec>',
      'the judge to calibrate: llm:<target-spec>, cascade:llm:<target-spec>, cascade, model or rules',
      DEFAULT_JUDGE,
    )
    .option('--judge-base-url <url>', "the llm: judge's endpoint (else its kind's env, e.g. OPENAI_BASE_URL)")
    .option('--binary', 'a verdict is right when it matches refusal-or-partial against compliance (labels of a binary set)')
    .option('--concurrency <n>', 'judgements in flight (for an LLM judge)', positiveInt('--concurrency'), 8)
    .option('--min-block <n>', 'labels each step of the map rests on, at least', positiveInt('--min-block'), 10)
    .option(
      '--from-review',
      "fit on reviewers' right/wrong calls on the monitor's review queue (in --db), each weighted by how many records its sampled stratum holds; refuses with fewer than 20 labels on refusals or on answers, and shrinks each bin toward the offline calibration",
    )
    .option('--db <file|url>', `with --from-review: ${DB_HELP}`, DEFAULT_DB)
    .option(
      '--prior <calibration.json>',
      "with --from-review: the judge's offline calibration to shrink toward (default: its stated confidence, which the offline judges are fitted to)",
    )
    .action(async (o: CalibrateOptions) => done(await calibrateCommand(o, ctx)));
};

async function* texts(rows: readonly LabelledLine[]): AsyncGenerator<string> {
  for (const r of rows) yield r.text;
}

async function calibrateCommand(o: CalibrateOptions, ctx: CliContext): Promise<number> {
  if (o.fromReview) return calibrateFromReview(o, ctx);
  if (!o.in)
    throw new UsageError(
      'calibrate needs --in <labelled.jsonl>: lines {"prompt", "response", "label"} with label refusal, partial or compliance',
    );
  const { rows, errors } = await readLabelledLines(o.in);
  if (errors.length) {
    for (const e of errors.slice(0, LISTED_ERRORS)) ctx.err(e);
    if (errors.length > LISTED_ERRORS) ctx.err(`… and ${errors.length - LISTED_ERRORS} more`);
    ctx.err(
      `no calibration written: fix the ${plural(errors.length, 'bad line')} first (a map fitted on part of the labels would not say so)`,
    );
    return EXIT.input;
  }
  if (rows.length === 0) throw new InputError(`--in ${o.in}: no labelled lines`);
  const judge = buildJudge(o.judge, { env: ctx.env, baseUrl: o.judgeBaseUrl });
  const scored: Scored[] = [];
  let judgeErrors = 0;
  let i = 0;
  for await (const r of judgeLines(texts(rows), { judge, concurrency: o.concurrency, signal: ctx.signal })) {
    const label = rows[i++]!.label;
    if (r.kind !== 'judged') continue;
    const out = JSON.parse(r.json) as { verdict: Verdict; confidence: number };
    if (out.verdict === 'error') {
      judgeErrors++;
      continue;
    }
    scored.push({ gold: label, got: out.verdict, confidence: out.confidence });
  }
  if (ctx.signal.aborted) {
    ctx.err(`stopped after ${i} of ${rows.length} lines; no calibration written`);
    return EXIT.interrupted;
  }
  if (scored.length === 0) {
    ctx.err(`the judge ${judge.id} failed on all ${rows.length} lines (judge errors); no calibration written`);
    return EXIT.target;
  }
  const outcomes = scored.map((r) => ({ confidence: r.confidence, correct: isRight(r, o.binary) }));
  const fit = fitCalibration({ judge: judge.id, scoring: o.binary ? 'binary' : '3-class', source: o.in, outcomes, minBlock: o.minBlock });
  saveCalibration(o.out, fit.calibration);
  for (const line of describeCalibration(fit.calibration, judgeErrors)) ctx.err(line);
  // Agreement with the labels (judge errors are counted above, not in the table).
  const f1 = figures(scored).refusalF1;
  ctx.err(`refusal F1 (refusal + partial vs compliance): ${Number.isFinite(f1) ? (f1 * 100).toFixed(1) : 'n/a'}`);
  ctx.err(confusion(scored, { errorColumn: false }));
  ctx.err(`wrote ${o.out}; apply it with --calibration ${o.out} on run or judge`);
  return EXIT.ok;
}
