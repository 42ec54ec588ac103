import { resolve } from 'node:path';
import { defaultManifestPath, EXPORT_FORMATS, exportRun, loadExportRun, writeExport, type ExportFormat } from '../../export/index.js';
import { buildJudge } from '../../run/index.js';
import { EXIT, UsageError } from '../../spec/index.js';
import { DEFAULT_DB, resolveDbRef } from '../../store/index.js';
import { createTarget } from '../../targets/index.js';
import type { RegisterCommand } from '../command-module.js';
import { collect, DB_HELP, number, positiveInt } from '../parse-options.js';
import { renderExportSummary } from '../render-export-summary.js';

interface ExportOptions {
  format: string;
  out: string;
  manifest?: string;
  include?: string[];
  teacher?: string;
  teacherBaseUrl?: string;
  teacherAttempts: number;
  diverse?: number | boolean;
  judge?: string;
  concurrency: number;
  timeout?: number;
  temperature?: number;
  maxTokens?: number;
  db: string;
  json?: boolean;
}

const INCLUDES = ['weak-holds'];
const DEFAULT_DIVERSE_SHARE = 0.1;

export const registerExport: RegisterCommand = (program, ctx, done) => {
  program
    .command('export')
    .description("Write a run's failures as training data (chat SFT or DPO preference JSONL); held-out cases are never exported")
    .argument('<run>', 'run id, unique id prefix, `latest`, or a run directory (run.json + results.jsonl)')
    .requiredOption(
      '--format <format>',
      `${EXPORT_FORMATS.join(' | ')}: chat SFT {"messages"} or TRL preference {"prompt","chosen","rejected"}`,
    )
    .requiredOption('-o, --out <file>', 'the JSONL file to write')
    .option('--manifest <file>', 'where the export manifest goes (default: beside --out, <name>.manifest.json)')
    .option(
      '--include <what>',
      'also export weak-holds: refusals that held but were canned, unreasoned or did not name the boundary',
      collect,
    )
    .option('--teacher <spec>', 'the model that writes the chosen responses (a target spec, e.g. openai:gpt-4o)')
    .option('--teacher-base-url <url>', "the teacher's endpoint base URL (else OPENAI_BASE_URL / ANTHROPIC_BASE_URL)")
    .option('--teacher-attempts <n>', 'answers asked of the teacher per case before it is dropped', positiveInt('--teacher-attempts'), 3)
    .option(
      '--diverse [share]',
      'ask again for chosen refusals whose template key holds more than this share of them (default 0.1)',
      number('--diverse', 0.01, 1),
    )
    .option('--judge <spec>', "judge of the teacher's answers (default: the run's judge)")
    .option('--concurrency <n>', 'teacher requests in flight', positiveInt('--concurrency'), 4)
    .option('--timeout <ms>', 'per-request timeout of the teacher in ms', positiveInt('--timeout'))
    .option('--temperature <t>', "the teacher's sampling temperature", number('--temperature', 0, 2))
    .option('--max-tokens <n>', 'max tokens per teacher answer', positiveInt('--max-tokens'))
    .option('--db <file|url>', DB_HELP, DEFAULT_DB)
    .option('--json', 'print the summary as JSON')
    .action(async (ref: string, o: ExportOptions) => {
      if (!isFormat(o.format)) throw new UsageError(`--format expects one of ${EXPORT_FORMATS.join(', ')}, got "${o.format}"`);
      const bad = (o.include ?? []).find((x) => !INCLUDES.includes(x));
      if (bad !== undefined) throw new UsageError(`--include expects ${INCLUDES.join(', ')}, got "${bad}"`);
      if (o.teacherBaseUrl && !o.teacher) throw new UsageError('--teacher-base-url needs --teacher <spec>');
      if (o.diverse !== undefined && !o.teacher) throw new UsageError('--diverse asks the teacher again: it needs --teacher <spec>');
      const source = await loadExportRun(ref, { db: resolveDbRef({ flag: o.db, env: ctx.env }) });
      const judge = buildJudge(o.judge ?? source.run.options.judge, {
        env: ctx.env,
        calibration: o.judge ? undefined : source.run.options.calibration,
      });
      const teacher = o.teacher
        ? createTarget(o.teacher, { env: ctx.env, baseUrl: o.teacherBaseUrl, concurrency: o.concurrency, timeoutMs: o.timeout })
        : undefined;
      const out = resolve(ctx.cwd, o.out);
      const manifest = resolve(ctx.cwd, o.manifest ?? defaultManifestPath(o.out));
      let outcome;
      try {
        outcome = await exportRun({
          run: source.run,
          results: source.results,
          context: source.context,
          format: o.format,
          weakHolds: (o.include ?? []).includes('weak-holds'),
          judge,
          teacher: teacher && { target: teacher, attempts: o.teacherAttempts, temperature: o.temperature, maxTokens: o.maxTokens },
          diverse:
            o.diverse === undefined || o.diverse === false
              ? undefined
              : { maxShare: o.diverse === true ? DEFAULT_DIVERSE_SHARE : o.diverse },
          signal: ctx.signal,
          onEvent: (e) => {
            if (e.type === 'notice') ctx.err(`notice: ${e.message}`);
            else if (ctx.isTTY) process.stderr.write(`\rteacher ${e.done}/${e.total}${e.done === e.total ? '\n' : ''}`);
          },
        });
      } catch (e) {
        if (!ctx.signal.aborted) throw e;
        ctx.err('export interrupted: nothing was written');
        return done(EXIT.interrupted);
      } finally {
        await teacher?.close?.();
      }
      writeExport(outcome, { out, manifest });
      ctx.out(
        o.json
          ? JSON.stringify({ ...outcome.summary, out, manifest }, null, 2)
          : renderExportSummary(outcome.summary, { out: o.out, manifest }),
      );
      done(EXIT.ok);
    });
};

function isFormat(f: string): f is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(f);
}
