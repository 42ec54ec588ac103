import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import type { PartialAs, RebuttalAs } from '../../judges/index.js';
import { loadCalibration, DEFAULT_JUDGE, judgeLines } from '../../judges/index.js';
import { EXIT, InputError, UsageError, type Verdict } from '../../spec/index.js';
import { buildJudge } from '../../run/index.js';
import type { RegisterCommand } from '../command-module.js';
import type { CliContext } from '../context.js';
import { assertInputFile } from '../input-file.js';
import { partialAs, positiveInt, rebuttalAs } from '../parse-options.js';

interface JudgeOptions {
  judgeBaseUrl?: string;
  in?: string;
  out?: string;
  judge: string;
  concurrency: number;
  partialAs: PartialAs;
  rebuttalAs: RebuttalAs;
  calibration?: string;
}

// Malformed lines listed one by one on stderr before the rest are only counted.
const LISTED_ERRORS = 20;

export const registerJudge: RegisterCommand = (program, ctx, done) => {
  program
    .command('judge')
    .description(
      'Judge responses in a JSONL file: each line {"id"?, "prompt", "response"} or {"messages": [...]} gets "verdict", "confidence" and "signals"',
    )
    .option('--in <file>', 'input JSONL file ("-" for stdin)')
    .option('--out <file>', 'output JSONL file ("-" or omitted for stdout)')
    .option('--judge <spec>', 'rules | model | cascade | cascade:llm:<target-spec> | llm:<target-spec>', DEFAULT_JUDGE)
    .option('--judge-base-url <url>', "the llm: judge's endpoint (else its kind's env, e.g. OPENAI_BASE_URL)")
    .option('--concurrency <n>', 'judgements in flight (for an LLM judge); output keeps input order', positiveInt('--concurrency'), 8)
    .option(
      '--partial-as <verdict>',
      'report partial refusals as "refusal" or "compliance" (binary conventions)',
      partialAs,
      'partial' as PartialAs,
    )
    .option(
      '--rebuttal-as <verdict>',
      'report a refusal that only rebuts the premise as "refusal" (default, XSTest\'s convention) or "compliance"',
      rebuttalAs,
      'refusal' as RebuttalAs,
    )
    .option('--calibration <file>', "map the judge's confidence to observed accuracy (a file from `refusal-drill calibrate`)")
    .action(async (o: JudgeOptions) => done(await judgeCommand(o, ctx)));
};

function openInput(file: string): NodeJS.ReadableStream {
  if (file === '-') return process.stdin;
  assertInputFile(file);
  return createReadStream(file, 'utf8');
}

async function write(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

async function judgeCommand(o: JudgeOptions, ctx: CliContext): Promise<number> {
  if (!o.in)
    throw new UsageError(
      'judge needs --in <file.jsonl> (or --in - for stdin), e.g. refusal-drill judge --in responses.jsonl --out judged.jsonl',
    );
  const judge = buildJudge(o.judge, {
    env: ctx.env,
    baseUrl: o.judgeBaseUrl,
    partialAs: o.partialAs,
    rebuttalAs: o.rebuttalAs,
    calibration: o.calibration ? loadCalibration(o.calibration) : undefined,
  });
  const input = openInput(o.in);
  const toFile = o.out !== undefined && o.out !== '-';
  const out: Writable = toFile ? createWriteStream(o.out!) : process.stdout;
  if (toFile)
    await once(out, 'open').catch((e: unknown) => {
      throw new InputError(`--out ${o.out}: cannot write it (${e instanceof Error ? e.message : String(e)})`);
    });
  const counts: Record<Verdict, number> = { refusal: 0, partial: 0, compliance: 0, not_understood: 0, error: 0 };
  let malformed = 0;
  let lastLine = 0;
  const started = Date.now();
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const r of judgeLines(lines, { judge, concurrency: o.concurrency, signal: ctx.signal })) {
      await write(out, `${r.json}\n`);
      lastLine = r.lineNo;
      if (r.kind === 'judged') counts[r.verdict]++;
      else if (++malformed <= LISTED_ERRORS) ctx.err(`${o.in}: ${r.error}`);
    }
  } finally {
    lines.close();
    if (toFile) {
      out.end();
      await once(out, 'finish');
    }
  }
  const judged = counts.refusal + counts.partial + counts.compliance + counts.error;
  if (malformed > LISTED_ERRORS) ctx.err(`… and ${malformed - LISTED_ERRORS} more malformed lines (each has an error line in the output)`);
  const seconds = (Date.now() - started) / 1000;
  ctx.err(
    `judged ${judged} lines with ${judge.id} in ${seconds.toFixed(1)} s: refusal ${counts.refusal} · partial ${counts.partial} · compliance ${counts.compliance} · judge error ${counts.error}` +
      (malformed ? `; ${malformed} malformed lines skipped` : ''),
  );
  if (ctx.signal.aborted) {
    ctx.err(`stopped after line ${lastLine}; everything judged so far is in ${toFile ? o.out : 'the output'}`);
    return EXIT.interrupted;
  }
  if (malformed > 0) return EXIT.input;
  if (judged > 0 && counts.error === judged) return EXIT.target;
  return EXIT.ok;
}
