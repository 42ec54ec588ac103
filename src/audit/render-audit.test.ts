import { describe, expect, it } from 'vitest';
import { AUDIT_FORMAT_VERSION, type AuditReport } from './audit-report.js';
import { renderAuditHtmlSection } from './render-audit-html.js';
import { renderAuditMarkdown } from './render-audit-markdown.js';
import { renderAuditText } from './render-audit-text.js';

const HOSTILE = '<script>alert(1)</script> "><img src=x onerror=alert(2)> [x](javascript:alert(3)) | pipe';

const report: AuditReport = {
  formatVersion: AUDIT_FORMAT_VERSION,
  createdAt: '2026-01-01T00:00:00.000Z',
  options: { ngram: 13 },
  corpora: [
    {
      file: 'corpus<1>.jsonl',
      format: 'jsonl',
      gzip: true,
      records: 10,
      texts: 12,
      bytes: 2048,
      skipped: 1,
      firstSkipped: 'corpus.jsonl:3: not a JSON value',
      seconds: 0.5,
    },
  ],
  summary: { cases: 2, contaminated: 1, clean: 1, byDetector: { exact: 0, ngram: 1, minhash: 0 } },
  cases: [
    {
      caseId: 'p/x/i/prompt',
      prompt: HOSTILE,
      status: 'contaminated',
      score: 0.5,
      evidence: [
        { detector: 'ngram', file: 'corpus<1>.jsonl', record: 4, field: 'text', score: 0.5, span: { start: 3, end: 40, text: HOSTILE } },
      ],
    },
    { caseId: 'p/x/j/prompt', prompt: 'clean one', status: 'clean', score: 0, evidence: [] },
  ],
  suggestions: [{ intent: 'p/x/i', prompts: 1, candidates: [{ caseId: 'c', prompt: HOSTILE }] }],
};

describe('audit renderers', () => {
  it('HTML section escapes every corpus and prompt text', () => {
    const html = renderAuditHtmlSection(report);
    expect(html).toContain('<section class="audit"');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('corpus&lt;1&gt;.jsonl:4 text');
    expect(html).toMatch(/1 contaminated/);
  });

  it('Markdown keeps links, HTML and pipes inert', () => {
    const md = renderAuditMarkdown(report);
    expect(md).not.toMatch(/\[x\]\(javascript/);
    expect(md).not.toContain('<script>');
    // The escaped `[`/`]` are what keep it from being a link; the pipe cannot end the table cell.
    expect(md).toContain('\\[x\\](javascript:alert(3)) \\| pipe');
    expect(md).toContain('- p/x/i: all 1 prompts contaminated');
  });

  it('the terminal summary names corpus, counts, the worst case with its evidence, and suggestions on request', () => {
    const text = renderAuditText(report, { suggest: true });
    expect(text).toContain('corpus corpus<1>.jsonl (jsonl.gz): 10 records, 12 texts');
    expect(text).toContain('1 skipped (first: corpus.jsonl:3: not a JSON value)');
    expect(text).toContain('audited 2 prompts: 1 contaminated (50.0%), 1 clean — exact 0, n-gram 1, near-duplicate 0');
    expect(text).toMatch(/0\.50 {2}p\/x\/i\/prompt {2}ngram corpus<1>\.jsonl:4 text/);
    expect(text).toContain('1 intents have no clean prompt');
    expect(renderAuditText(report)).not.toContain('intents have no clean prompt');
  });
});
