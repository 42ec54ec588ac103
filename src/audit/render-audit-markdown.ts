import type { AuditReport } from './audit-report.js';
import { escapeMarkdown as md } from '../util/index.js';

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** audit.md: summary, corpora, every contaminated case with its evidence, and the intents lacking a clean prompt. */
export function renderAuditMarkdown(report: AuditReport): string {
  const { summary } = report;
  const out: string[] = ['# Contamination audit', ''];
  out.push(`${summary.cases} prompts audited: **${summary.contaminated} contaminated**, ${summary.clean} clean.`);
  out.push(
    `Flagged by detector: exact ${summary.byDetector.exact ?? 0}, n-gram ${summary.byDetector.ngram ?? 0}, near-duplicate (MinHash) ${summary.byDetector.minhash ?? 0}.`,
  );
  if (report.interrupted) out.push('', '_Interrupted: the corpora were not read to the end._');
  out.push('', '## Corpora', '', '| file | format | records | texts | MB | skipped |', '|---|---|---:|---:|---:|---:|');
  for (const c of report.corpora)
    out.push(
      `| ${md(c.file)} | ${c.format}${c.gzip ? '.gz' : ''} | ${c.records} | ${c.texts} | ${(c.bytes / 2 ** 20).toFixed(1)} | ${c.skipped} |`,
    );
  const bad = report.cases.filter((c) => c.status === 'contaminated').sort((a, b) => b.score - a.score);
  out.push('', '## Contaminated prompts', '');
  if (bad.length === 0) out.push('None.');
  else {
    out.push('| case | score | detector | where | matched text |', '|---|---:|---|---|---|');
    for (const c of bad)
      for (const [i, e] of c.evidence.entries())
        out.push(
          `| ${i === 0 ? md(c.caseId) : ''} | ${e.score.toFixed(2)} | ${e.detector} | ${md(`${e.file}:${e.record}${e.field ? ` ${e.field}` : ''}`)} | ${md(clip(e.span.text, 200))} |`,
        );
  }
  const suggestions = report.suggestions ?? [];
  out.push('', '## Intents without a clean prompt', '');
  if (suggestions.length === 0) out.push('None: every intent has at least one held-out prompt.');
  for (const s of suggestions) {
    out.push(`- ${md(s.intent)}: all ${s.prompts} prompts contaminated`);
    for (const c of s.candidates) out.push(`  - clean candidate${c.mutation ? ` (${md(c.mutation)})` : ''}: ${md(c.prompt)}`);
  }
  return `${out.join('\n')}\n`;
}
