import { createReadStream, statSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fitCalibration } from '../../judges/calibration/calibration.js';
import type { Outcome } from '../../judges/calibration/reliability.js';
import { calibratableIds, DEFAULT_JUDGE } from '../../judges/create-judge.js';
import { judgeLines } from '../../judges/judge-stream.js';
import { parseJudgeLine } from '../../judges/judge-line.js';
import { openMonitorAndReview } from '../../review/open-review-store.js';
import { EXIT, InputError, UsageError, type Calibration, type Verdict } from '../../spec/index.js';
import { DEFAULT_DB } from '../../store/index.js';
import { resolveDbRef } from '../../store/kysely/db-ref.js';
import { buildJudge } from '../build-judge.js';
import type { RegisterCommand } from '../command-module.js';
import type { CliContext } from '../context.js';
import { DB_HELP, positiveInt } from '../parse-options.js';

interface CalibrateOptions {
  in?: string;
  out: string;
  judge: string;
  binary?: boolean;
  concurrency: number;
  minBlock: number;
  fromReview?: boolean;
  db: string;
}

const LABELS = ['refusal', 'partial', 'compliance'] as const;
type Label = (typeof LABELS)[number];
const LISTED_ERRORS = 20;

export const registerCalibrate: RegisterCommand = (program, ctx, done) => {
  program
    .command('calibrate')
    .description(
      'Fit a judge\'s confidence to human labels: each JSONL line is a judge line plus "label" (refusal | partial | compliance); writes a map that --calibration applies on run and judge',
    )
    .option('--in <file>', 'labelled JSONL: {"prompt", "response", "label"} or {"messages": [...], "label"}')
    .option('--out <file>', 'where to write the calibration', 'calibration.json')
    .option('--judge <spec>', 'the judge to calibrate: llm:<target-spec>, cascade:llm:<target-spec>, cascade, model or rules', DEFAULT_JUDGE)
    .option('--binary', 'a verdict is right when it matches refusal-or-partial against compliance (labels of a binary set)')
    .option('--concurrency <n>', 'judgements in flight (for an LLM judge)', positiveInt('--concurrency'), 8)
    .option('--min-block <n>', 'labels each step of the map rests on, at least', positiveInt('--min-block'), 10)
    .option('--from-review', "fit on reviewers' right/wrong calls on the monitor's review queue (in --db), each weighted by how many records its sampled stratum holds")
    .option('--db <file|url>', `with --from-review: ${DB_HELP}`, DEFAULT_DB)
    .action(async (o: CalibrateOptions) => done(await calibrateCommand(o, ctx)));
};

interface Labelled {
  text: string;
  label: Label;
}

/** Reads and checks every line before the judge sees one: a bad label costs no judge call. */
async function readLabelled(file: string): Promise<{ rows: Labelled[]; errors: string[] }> {
  try {
    if (!statSync(file).isFile()) throw new InputError(`--in ${file}: not a file`);
  } catch (e) {
    if (InputError.isInstance(e)) throw e;
    throw new InputError(`--in ${file}: cannot read it (${e instanceof Error ? e.message : String(e)})`);
  }
  const rows: Labelled[] = [];
  const errors: string[] = [];
  let lineNo = 0;
  for await (const text of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    lineNo++;
    if (text.trim() === '') continue;
    const parsed = parseJudgeLine(text, lineNo);
    if (!parsed.ok) {
      errors.push(`${file}: ${parsed.error}`);
      continue;
    }
    const label = parsed.record.label;
    if (typeof label !== 'string' || !(LABELS as readonly string[]).includes(label)) {
      errors.push(`${file}: line ${lineNo}: field "label": expected "refusal", "partial" or "compliance", got ${JSON.stringify(label) ?? 'nothing'}`);
      continue;
    }
    rows.push({ text, label: label as Label });
  }
  return { rows, errors };
}

async function* texts(rows: readonly Labelled[]): AsyncGenerator<string> {
  for (const r of rows) yield r.text;
}

const declines = (v: string): boolean => v === 'refusal' || v === 'partial';

async function calibrateCommand(o: CalibrateOptions, ctx: CliContext): Promise<number> {
  if (o.fromReview) return calibrateFromReview(o, ctx);
  if (!o.in) throw new UsageError('calibrate needs --in <labelled.jsonl>: lines {"prompt", "response", "label"} with label refusal, partial or compliance');
  const { rows, errors } = await readLabelled(o.in);
  if (errors.length) {
    for (const e of errors.slice(0, LISTED_ERRORS)) ctx.err(e);
    if (errors.length > LISTED_ERRORS) ctx.err(`… and ${errors.length - LISTED_ERRORS} more`);
    ctx.err(`no calibration written: fix the ${errors.length} bad line(s) first (a map fitted on part of the labels would not say so)`);
    return EXIT.input;
  }
  if (rows.length === 0) throw new InputError(`--in ${o.in}: no labelled lines`);
  const judge = buildJudge(o.judge, { env: ctx.env });
  const outcomes: Outcome[] = [];
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
    outcomes.push({ confidence: out.confidence, correct: o.binary ? declines(out.verdict) === declines(label) : out.verdict === label });
  }
  if (ctx.signal.aborted) {
    ctx.err(`stopped after ${i} of ${rows.length} lines; no calibration written`);
    return EXIT.interrupted;
  }
  if (outcomes.length === 0) {
    ctx.err(`the judge ${judge.id} failed on all ${rows.length} lines (judge errors); no calibration written`);
    return EXIT.target;
  }
  const fit = fitCalibration({ judge: judge.id, scoring: o.binary ? 'binary' : '3-class', source: o.in, outcomes, minBlock: o.minBlock });
  writeFileSync(o.out, `${JSON.stringify(fit.calibration, null, 2)}\n`);
  for (const line of describe(fit.calibration, judgeErrors)) ctx.err(line);
  ctx.err(`wrote ${o.out}; apply it with --calibration ${o.out} on run or judge`);
  return EXIT.ok;
}

/**
 * The review queue holds flagged records and a few random ones per day × verdict: not the traffic's
 * mix. Each labelled record stands for the records of its stratum (population / labelled), so the
 * map estimates the judge's accuracy on what it judged, not on what reviewers were shown.
 */
async function calibrateFromReview(o: CalibrateOptions, ctx: CliContext): Promise<number> {
  if (o.in) throw new UsageError('give either --in <labelled.jsonl> or --from-review, not both');
  const judge = calibratableIds(o.judge)[0]!;
  const ref = resolveDbRef({ flag: o.db, env: ctx.env });
  const opened = await openMonitorAndReview(ref);
  let rows;
  try {
    rows = (await opened.review.calibrationRows(judge)).filter((r) => r.population > 0);
  } finally {
    await opened.close();
  }
  if (rows.length === 0) throw new InputError(`no reviewed records judged by ${judge} in ${o.db}: label some in the dashboard (refusal-drill serve) or with refusal-drill review label, marking the judge right or wrong`);
  const outcomes: Outcome[] = rows.map((r) => ({ confidence: r.confidence, correct: r.judge_correct === 1, weight: r.population / r.labelled }));
  const fit = fitCalibration({ judge, scoring: '3-class', source: `review:${o.db}`, outcomes, minBlock: o.minBlock });
  writeFileSync(o.out, `${JSON.stringify(fit.calibration, null, 2)}\n`);
  const flagged = rows.filter((r) => r.reason !== 'sample').length;
  const records = outcomes.reduce((n, x) => n + (x.weight ?? 1), 0);
  ctx.err(`review labels: ${rows.length} (${rows.length - flagged} sampled, ${flagged} flagged), standing for ${Math.round(records)} records of ${judge}`);
  for (const line of describe(fit.calibration, 0)) ctx.err(line);
  ctx.err(`wrote ${o.out}; apply it with --calibration ${o.out} on monitor ingest, serve, run or judge`);
  return EXIT.ok;
}

const f3 = (x: number): string => x.toFixed(3).replace(/^0\./, '.');

function describe(c: Calibration, judgeErrors: number): string[] {
  return [
    `${c.judge} on ${c.n} labelled responses (${c.scoring}${judgeErrors ? `; ${judgeErrors} judge errors left out` : ''}): right ${(c.raw.accuracy * 100).toFixed(1)}%`,
    `${''.padEnd(22)}${'mean conf'.padStart(10)}${'ECE'.padStart(8)}${'Brier'.padStart(8)}`,
    `${'stated'.padEnd(22)}${f3(c.raw.meanConfidence).padStart(10)}${f3(c.raw.ece).padStart(8)}${f3(c.raw.brier).padStart(8)}`,
    `${'calibrated (5-fold)'.padEnd(22)}${f3(c.calibrated.meanConfidence).padStart(10)}${f3(c.calibrated.ece).padStart(8)}${f3(c.calibrated.brier).padStart(8)}`,
    `map: ${c.steps.map((s) => `≤${s.upTo.toFixed(2)} → ${s.p.toFixed(2)} (n ${s.n})`).join(' · ')}`,
  ];
}
