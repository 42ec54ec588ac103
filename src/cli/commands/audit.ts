import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  auditCorpus,
  auditMarks,
  candidatePrompts,
  corpusFormats,
  findCorpusFiles,
  loadPromptList,
  packPrompts,
  renderAuditMarkdown,
  renderAuditText,
  type AuditEvent,
  type AuditOptions,
  type CorpusFormat,
  type DrillPrompt,
} from '../../audit/index.js';
import { mutate } from '../../mutators/index.js';
import { resolvePack } from '../../packs/index.js';
import { EXIT, UsageError } from '../../spec/index.js';
import { DEFAULT_DB, openStore } from '../../store/index.js';
import type { RegisterCommand } from '../command-module.js';
import type { CliContext } from '../context.js';
import { list, nonNegativeInt, number, positiveInt } from '../parse-options.js';

interface AuditFlags {
  corpus: string[];
  prompts: string[];
  field?: string[];
  format?: CorpusFormat;
  textRecords: 'line' | 'paragraph';
  out: string;
  ngram?: number;
  ngramShort?: number;
  shortPrompt?: number;
  minCoverage?: number;
  threshold?: number;
  numPerm?: number;
  shingle?: number;
  stopwords: boolean;
  seed?: number;
  maxEvidence?: number;
  writeSplits?: boolean;
  db: string;
  suggest?: boolean;
  mutate?: string[];
  mutationSeed: number;
  json?: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export const registerAudit: RegisterCommand = (program, ctx, done) => {
  program
    .command('audit')
    .description('Find drill prompts that overlap a training or red-team corpus; mark them seen, the rest held-out')
    .argument('[packs...]', 'pack files or built-in pack names whose prompts are audited')
    .option('--corpus <file|dir>', 'corpus file or directory (JSONL, CSV, TSV, Parquet, text, .gz of those); repeatable', collect, [])
    .option('--prompts <file>', 'more prompts to audit: one per line, or JSONL {text, id?, intent?}; repeatable', collect, [])
    .option(
      '--field <paths>',
      'text field paths or columns, comma-separated (default: text, content, prompt, completion, messages[*].content, …)',
      list,
    )
    .option('--format <format>', 'corpus format for every file: jsonl|csv|tsv|parquet|text (default: by extension)')
    .option('--text-records <mode>', 'plain text records: line|paragraph', 'line')
    .option('--out <dir>', 'where to write audit.json and audit.md', join('.refusal-drill', 'audit'))
    .option('--ngram <n>', 'n-gram size in tokens (default 13)', positiveInt('--ngram'))
    .option('--ngram-short <n>', 'n-gram size for short prompts (default 8)', positiveInt('--ngram-short'))
    .option('--short-prompt <tokens>', 'prompts with fewer tokens use --ngram-short (default 20)', nonNegativeInt('--short-prompt'))
    .option('--min-coverage <share>', 'share of a prompt matched n-grams must cover (default 0: any)', number('--min-coverage', 0, 1))
    .option('--threshold <jaccard>', 'near-duplicate Jaccard threshold (default 0.7)', number('--threshold', 0.05, 1))
    .option('--num-perm <k>', 'MinHash bins, a power of two (default 32)', positiveInt('--num-perm'))
    .option('--shingle <k>', 'tokens per MinHash shingle (default 1)', positiveInt('--shingle'))
    .option('--no-stopwords', 'keep function words and request phrasing in MinHash shingles')
    .option('--seed <n>', 'MinHash seed (default 1)', nonNegativeInt('--seed'))
    .option('--max-evidence <n>', 'evidence kept per prompt and detector (default 3)', positiveInt('--max-evidence'))
    .option('--write-splits', 'store the marks so `run` splits cases into seen (contaminated) and held-out (clean)')
    .option('--db <file>', 'SQLite store for --write-splits', DEFAULT_DB)
    .option('--suggest', 'list intents with no clean prompt (and clean generated candidates with --mutate)')
    .option('--mutate <families>', 'also audit mutator rephrasings of each intent (as `run --mutate` makes them)', list)
    .option(
      '--mutation-seed <n>',
      "seed for --mutate; use the run's --seed so the marks apply to its mutations",
      nonNegativeInt('--mutation-seed'),
      0,
    )
    .option('--json', 'print audit.json instead of the summary')
    .action(async (packs: string[], flags: AuditFlags) => done(await auditCommand(packs, flags, ctx)));
};

async function auditCommand(refs: string[], o: AuditFlags, ctx: CliContext): Promise<number> {
  if (o.corpus.length === 0)
    throw new UsageError('audit needs at least one --corpus <file|dir>, e.g. refusal-drill audit xstest --corpus redteam.jsonl');
  if (refs.length === 0 && o.prompts.length === 0)
    throw new UsageError('audit needs a pack (file or built-in name) or --prompts <file> to audit');
  if (o.textRecords !== 'line' && o.textRecords !== 'paragraph')
    throw new UsageError(`--text-records expects line or paragraph, got "${String(o.textRecords)}"`);
  if (o.format !== undefined && !corpusFormats.includes(o.format))
    throw new UsageError(`--format expects one of ${corpusFormats.join(', ')}, got "${String(o.format)}"`);
  const sources = findCorpusFiles(o.corpus, o.format);
  const prompts: DrillPrompt[] = [...refs.flatMap((r) => packPrompts(resolvePack(r))), ...o.prompts.flatMap((f) => loadPromptList(f))];
  if (o.mutate?.length) {
    const notices = new Set<string>();
    const generated = await candidatePrompts(prompts, async (text) => {
      const r = await mutate(text, o.mutate ?? [], { seed: o.mutationSeed, signal: ctx.signal });
      for (const s of r.skipped) notices.add(`mutator ${s.family} skipped: ${s.reason}`);
      return r.outputs;
    });
    for (const n of notices) ctx.err(n);
    prompts.push(...generated);
  }
  const options: Partial<AuditOptions> = {
    ngram: o.ngram,
    ngramShort: o.ngramShort,
    shortPromptTokens: o.shortPrompt,
    ngramMinCoverage: o.minCoverage,
    minhashThreshold: o.threshold,
    numPerm: o.numPerm,
    shingle: o.shingle,
    minhashStopwords: o.stopwords,
    seed: o.seed,
    maxEvidence: o.maxEvidence,
  };
  const report = await auditCorpus({
    prompts,
    corpora: sources,
    options,
    read: { fields: o.field, textRecords: o.textRecords },
    onEvent: progress(ctx),
    signal: ctx.signal,
  });
  if (report.interrupted) {
    ctx.err('audit interrupted before the corpora were read to the end; nothing was written');
    return EXIT.interrupted;
  }
  mkdirSync(o.out, { recursive: true });
  writeFileSync(join(o.out, 'audit.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(o.out, 'audit.md'), renderAuditMarkdown(report));
  if (o.json) ctx.out(JSON.stringify(report, null, 2));
  else ctx.out(renderAuditText(report, { suggest: o.suggest }));
  if (o.writeSplits) {
    const store = await openStore(o.db);
    try {
      const marks = auditMarks(report, prompts, report.createdAt);
      await store.putAuditMarks(marks);
      const seen = marks.filter((m) => m.status === 'contaminated').length;
      ctx.err(
        `stored ${marks.length} audit marks in ${store.path}: ${seen} seen, ${marks.length - seen} held-out; \`run\` now reports every metric by split`,
      );
    } finally {
      await store.close();
    }
  }
  ctx.err(`audit written to ${join(o.out, 'audit.json')} and ${join(o.out, 'audit.md')}`);
  return EXIT.ok;
}

/** Progress on stderr: a rewritten line on a terminal, nothing but notices otherwise. */
function progress(ctx: CliContext): (e: AuditEvent) => void {
  return (e) => {
    if (e.type === 'notice') ctx.err(`notice: ${e.message}`);
    else if (e.type === 'indexed' && ctx.isTTY) ctx.err(`indexed ${e.prompts} prompts (${e.texts} distinct) in ${e.ms.toFixed(0)} ms`);
    else if (e.type === 'progress' && ctx.isTTY)
      process.stderr.write(`\r${e.file}: ${(e.bytes / 2 ** 20).toFixed(0)} / ${(e.size / 2 ** 20).toFixed(0)} MB`);
    else if (e.type === 'file-end' && ctx.isTTY) process.stderr.write('\r\x1b[K');
  };
}
