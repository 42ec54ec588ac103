import { statSync } from 'node:fs';
import { resolveAuditOptions, type AuditOptions, type Detector } from './audit-options.js';
import type { AuditEventListener } from './audit-events.js';
import { AUDIT_FORMAT_VERSION, type AuditCase, type AuditReport, type CorpusStats } from './audit-report.js';
import { buildDrillIndex } from './drill-index.js';
import type { DrillPrompt } from './drill-prompt.js';
import { EvidenceCollector, MAX_SPAN_TEXT } from './evidence-collector.js';
import type { CorpusSource, ReadOptions } from './readers/corpus-source.js';
import { readCorpus } from './readers/read-corpus.js';
import { suggestIntents } from './suggest.js';
import { TextScanner } from './text-scanner.js';

export interface AuditCorpusInput {
  prompts: DrillPrompt[];
  corpora: CorpusSource[];
  options?: Partial<AuditOptions>;
  read?: Pick<ReadOptions, 'fields' | 'textRecords'>;
  onEvent?: AuditEventListener;
  /** Stops between chunks; the report then says `interrupted: true` and covers only what was read. */
  signal?: AbortSignal;
  now?: () => Date;
}

const PROGRESS_EVERY = 16 << 20;

/**
 * Finds which drill prompts overlap the corpora. The drill side is indexed (it is small) and
 * every corpus streams past it once, so memory depends on the drill set, not the corpus.
 */
export async function auditCorpus(input: AuditCorpusInput): Promise<AuditReport> {
  const options = resolveAuditOptions(input.options);
  const now = input.now ?? (() => new Date());
  const emit = input.onEvent ?? (() => {});
  const t0 = performance.now();
  const index = buildDrillIndex(input.prompts, options);
  emit({ type: 'indexed', prompts: input.prompts.length, texts: index.texts.length, ms: performance.now() - t0 });
  const collector = new EvidenceCollector(index.texts.length, options.maxEvidence);
  const scanner = new TextScanner(index);
  // The sink reads the current record from here rather than closing over it per record.
  const at = { file: '', record: 0, field: null as string | null, text: '' };
  const sink = (detector: Detector, ti: number, score: number, start: number, end: number): void => {
    const { text } = at;
    collector.offer(detector, ti, score, { file: at.file, record: at.record, field: at.field }, () => ({
      start,
      end,
      text: end - start > MAX_SPAN_TEXT ? `${text.slice(start, start + MAX_SPAN_TEXT)}…` : text.slice(start, end),
    }));
  };
  const corpora: CorpusStats[] = [];
  for (const source of input.corpora) {
    if (input.signal?.aborted) break;
    const size = statSync(source.file).size;
    emit({ type: 'file-start', file: source.file, format: source.format, gzip: source.gzip, size });
    at.file = source.file;
    const started = performance.now();
    let nextProgress = PROGRESS_EVERY;
    const stats = await readCorpus(
      source,
      (text, record, field) => {
        at.record = record;
        at.field = field;
        at.text = text;
        scanner.scan(text, sink);
      },
      {
        ...input.read,
        signal: input.signal,
        onProgress: (bytes) => {
          if (bytes < nextProgress) return;
          nextProgress = bytes + PROGRESS_EVERY;
          emit({ type: 'progress', file: source.file, bytes, size });
        },
      },
    );
    const done: CorpusStats = {
      file: source.file,
      format: source.format,
      gzip: source.gzip,
      ...stats,
      seconds: (performance.now() - started) / 1000,
    };
    corpora.push(done);
    emit({ type: 'file-end', stats: done });
    if (stats.records > 0 && stats.texts === 0 && stats.firstSkipped)
      emit({ type: 'notice', message: `${source.file}: no text read from ${stats.records} records; first: ${stats.firstSkipped}` });
  }
  const textOf = new Int32Array(input.prompts.length);
  index.texts.forEach((t, ti) => t.prompts.forEach((p) => (textOf[p] = ti)));
  const cases: AuditCase[] = input.prompts.map((p, i) => {
    const evidence = collector.evidence(textOf[i]!);
    const score = evidence.reduce((m, e) => Math.max(m, e.score), 0);
    return { caseId: p.caseId, prompt: p.text, status: evidence.length > 0 ? 'contaminated' : 'clean', score, evidence };
  });
  const flagged = (d: Detector): number => cases.filter((c) => c.evidence.some((e) => e.detector === d)).length;
  const contaminated = cases.filter((c) => c.status === 'contaminated').length;
  return {
    formatVersion: AUDIT_FORMAT_VERSION,
    createdAt: now().toISOString(),
    options: { ...options, minhashBands: index.minhash.params.bands, minhashRows: index.minhash.params.rows, minhashWindow: index.window },
    corpora,
    summary: {
      cases: cases.length,
      contaminated,
      clean: cases.length - contaminated,
      byDetector: { exact: flagged('exact'), ngram: flagged('ngram'), minhash: flagged('minhash') },
    },
    cases,
    suggestions: suggestIntents(input.prompts, cases),
    ...(input.signal?.aborted ? { interrupted: true } : {}),
  };
}
