import type { AuditReport } from './audit-report.js';

const MAX_ROWS = 20;

function clip(text: string, max: number): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}

/** The terminal summary: corpora read, cases by status and detector, the worst cases, suggestions. */
export function renderAuditText(report: AuditReport, options: { suggest?: boolean } = {}): string {
  const lines: string[] = [];
  const { summary } = report;
  for (const c of report.corpora) {
    const rate = c.seconds > 0 ? ` at ${(c.bytes / 2 ** 20 / c.seconds).toFixed(1)} MB/s` : '';
    const skipped = c.skipped ? `; ${c.skipped} skipped (first: ${c.firstSkipped ?? '?'})` : '';
    lines.push(
      `corpus ${c.file} (${c.format}${c.gzip ? '.gz' : ''}): ${c.records} records, ${c.texts} texts, ${mb(c.bytes)}${rate}${skipped}`,
    );
  }
  if (report.interrupted) lines.push('interrupted: the corpora were not read to the end; marks were not written');
  const pct = summary.cases ? ((100 * summary.contaminated) / summary.cases).toFixed(1) : '0.0';
  lines.push(
    `audited ${summary.cases} prompts: ${summary.contaminated} contaminated (${pct}%), ${summary.clean} clean` +
      ` — exact ${summary.byDetector.exact ?? 0}, n-gram ${summary.byDetector.ngram ?? 0}, near-duplicate ${summary.byDetector.minhash ?? 0}`,
  );
  const worst = report.cases.filter((c) => c.status === 'contaminated').sort((a, b) => b.score - a.score);
  for (const c of worst.slice(0, MAX_ROWS)) {
    const e = c.evidence[0];
    const where = e ? `${e.detector} ${e.file}:${e.record}${e.field ? ` ${e.field}` : ''} "${clip(e.span.text, 60)}"` : '';
    lines.push(`  ${c.score.toFixed(2)}  ${c.caseId}  ${where}`);
  }
  if (worst.length > MAX_ROWS) lines.push(`  … ${worst.length - MAX_ROWS} more in audit.json`);
  if (options.suggest) {
    const suggestions = report.suggestions ?? [];
    if (suggestions.length === 0) lines.push('every intent has at least one clean (held-out) prompt');
    else {
      lines.push(`${suggestions.length} intents have no clean prompt; write a held-out variant for each:`);
      for (const s of suggestions) {
        lines.push(`  ${s.intent} (${s.prompts} prompts, all contaminated)`);
        for (const c of s.candidates.slice(0, 3))
          lines.push(`    clean candidate${c.mutation ? ` [${c.mutation}]` : ''}: ${clip(c.prompt, 100)}`);
      }
    }
  }
  return lines.join('\n');
}
