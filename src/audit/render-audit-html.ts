import type { AuditReport } from './audit-report.js';
import { escapeHtml as h } from '../util/index.js';

const MAX_ROWS = 200;

/**
 * The audit as one self-contained `<section>` for the HTML report: summary, the contaminated
 * prompts with their evidence, and the intents lacking a clean prompt. Every corpus or prompt
 * text is escaped: corpora are untrusted input.
 */
export function renderAuditHtmlSection(audit: AuditReport): string {
  const { summary } = audit;
  const bad = audit.cases.filter((c) => c.status === 'contaminated').sort((a, b) => b.score - a.score);
  const rows = bad.slice(0, MAX_ROWS).map((c) => {
    const ev = c.evidence
      .map(
        (e) =>
          `<li><span class="detector">${h(e.detector)}</span> ${e.score.toFixed(2)} <code>${h(`${e.file}:${e.record}${e.field ? ` ${e.field}` : ''}`)}</code> <q>${h(e.span.text)}</q></li>`,
      )
      .join('');
    return `<tr><td><code>${h(c.caseId)}</code><div class="prompt">${h(c.prompt)}</div></td><td>${c.score.toFixed(2)}</td><td><ul>${ev}</ul></td></tr>`;
  });
  const more = bad.length > MAX_ROWS ? `<p>${bad.length - MAX_ROWS} more contaminated prompts in audit.json.</p>` : '';
  const suggestions = (audit.suggestions ?? []).map(
    (s) =>
      `<li><code>${h(s.intent)}</code>: all ${s.prompts} prompts contaminated${s.candidates.length ? `<ul>${s.candidates.map((c) => `<li>clean candidate: ${h(c.prompt)}</li>`).join('')}</ul>` : ''}</li>`,
  );
  const corpora = audit.corpora
    .map((c) => `<li><code>${h(c.file)}</code> — ${c.records} records, ${(c.bytes / 2 ** 20).toFixed(1)} MB</li>`)
    .join('');
  return [
    '<section class="audit" id="contamination-audit">',
    '<h2>Contamination audit</h2>',
    `<p>${summary.cases} prompts audited: <strong>${summary.contaminated} contaminated</strong>, ${summary.clean} clean (held-out). Exact ${summary.byDetector.exact ?? 0}, n-gram ${summary.byDetector.ngram ?? 0}, near-duplicate ${summary.byDetector.minhash ?? 0}.</p>`,
    `<ul class="corpora">${corpora}</ul>`,
    bad.length
      ? `<table class="audit-cases"><thead><tr><th>case</th><th>score</th><th>evidence</th></tr></thead><tbody>${rows.join('')}</tbody></table>${more}`
      : '<p>No drill prompt was found in the corpora.</p>',
    suggestions.length ? `<h3>Intents without a clean prompt</h3><ul>${suggestions.join('')}</ul>` : '',
    '</section>',
  ].join('\n');
}
