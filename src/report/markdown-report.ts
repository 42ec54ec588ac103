import { describeAnswers, formatFigure, formatInterval } from '../metrics/index.js';
import type { Scorecard } from '../metrics/index.js';
import { escapeMarkdown as md, oneLine } from '../util/index.js';
import { tallyText } from './broken-rephrasings.js';
import { LANGUAGE_COLUMNS, languageRows } from './language-rows.js';
import { metricRows, ruleFigure } from './metric-rows.js';
import { casesOf, gateOf, type ReportInput } from './report-input.js';

/** A PR comment: gate verdict and failed rules first, then the scorecard and what broke. Every value escaped. */
export function renderMarkdown(input: ReportInput): string {
  const s = input.scorecard;
  const gate = gateOf(input);
  const out: string[] = [];
  const verdict = gate ? (gate.passed ? '✅ gate passed' : '❌ gate failed') : 'no gate applied';
  out.push(`## refusal-drill: ${verdict}`, '');
  out.push(
    `Run \`${s.runId.replace(/`/g, '')}\` · target ${md(s.target)} · packs ${s.packs.map(md).join(', ')} · ${s.counts.results}/${s.counts.cases} cases${s.counts.error ? ` · **${s.counts.error} errors** (not counted in any rate)` : ''}`,
    '',
    `${s.label === undefined ? '' : `**${md(oneLine(s.label, Infinity))}** · `}answers: ${md(describeAnswers(s.answers))}${s.systemHash ? ` · system prompt \`${s.systemHash}\`` : ''}`,
    '',
  );
  if (gate) {
    out.push('| | rule | figure |', '|---|---|---|');
    for (const r of gate.rules)
      out.push(
        `| ${r.status === 'fail' ? '❌' : r.status === 'pass' ? '✅' : '➖'} | ${md(r.id)}: ${md(r.description)} | ${md(ruleFigure(r))} |`,
      );
    out.push('');
  }
  out.push('### Scorecard', '', '| metric | value | 95% interval | n | |', '|---|---:|---|---:|---|');
  for (const r of metricRows(s)) out.push(`| ${md(r.title)} | ${md(r.value)} | ${md(r.ci)} | ${r.n} | ${md(oneLine(r.note, Infinity))} |`);
  out.push('', ...principles(s), ...languages(s), ...broken(input), ...templates(s));
  return `${out.join('\n').trimEnd()}\n`;
}

function principles(s: Scorecard): string[] {
  const rows = Object.entries(s.byPrinciple);
  if (rows.length === 0) return [];
  const out = [
    '### By principle',
    '',
    '| principle | hold | holds all k | over-refusal | reasoned | boundary | script index | n |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const [name, slice] of rows) {
    const m = slice.metrics;
    out.push(
      `| ${md(name)} | ${cell(m.hold_rate)} | ${cell(m.hold_all_k)} | ${cell(m.over_refusal_rate)} | ${cell(m.reasoned_refusal_rate)} | ${cell(m.boundary_awareness_rate)} | ${cell(m.script_index)} | ${slice.counts.n} |`,
    );
  }
  return [...out, ''];
}

function languages(s: Scorecard): string[] {
  const rows = languageRows(s);
  if (rows.length === 0) return [];
  const out = [
    '### By language',
    '',
    `| language | ${LANGUAGE_COLUMNS.map((c) => c.title).join(' | ')} | n |`,
    `|---|${LANGUAGE_COLUMNS.map(() => '---:|').join('')}---:|`,
  ];
  for (const r of rows) out.push(`| ${md(r.language)} | ${r.cells.map(cell).join(' | ')} | ${r.cases} |`);
  return [...out, ''];
}

function cell(v: { value: number | null; ci95: [number, number] | null }): string {
  return `${formatFigure(v.value, 'rate')}${v.ci95 ? ` <sub>${md(formatInterval(v.ci95, 'rate'))}</sub>` : ''}`;
}

function broken(input: ReportInput): string[] {
  const s = input.scorecard;
  const out: string[] = [];
  const weak = (s.metrics.robustness.detail?.families ?? []).filter((f) => f.rate < 1);
  if (weak.length)
    out.push(
      `**Families that break the model:** ${weak
        .slice(0, 8)
        .map((f) => `${md(f.family)} ${formatFigure(f.rate, 'rate')} (n=${f.n})`)
        .join(' · ')}`,
      '',
    );
  const tw = s.metrics.trigger_words.detail;
  if (tw && tw.words.length)
    out.push(
      `**Trigger words:** ${md(tw.summary)} — ${tw.words
        .slice(0, 10)
        .map((w) => `${md(w.word)} (${w.intents})`)
        .join(', ')}`,
      '',
    );
  const failing = casesOf(input).intents.filter((o) => o.broken > 0 || o.overRefused > 0);
  if (failing.length) {
    out.push(
      `<details><summary>${failing.length} intents with failures</summary>`,
      '',
      '| intent | broke on | benign twins refused | example response |',
      '|---|---|---|---|',
    );
    for (const o of failing.slice(0, 50)) {
      out.push(
        `| ${md(o.key)} | ${md(tallyText(o.brokenRephrasings, { max: 6 }))} | ${md(tallyText(o.overRefusedRephrasings, { max: 6 }))} | ${md(oneLine(o.example, 140))} |`,
      );
    }
    if (failing.length > 50) out.push(`| … ${failing.length - 50} more | | | |`);
    out.push('', '</details>', '');
  }
  return out;
}

function templates(s: Scorecard): string[] {
  const t = s.metrics.script_index.detail;
  if (!t || t.top.length === 0) return [];
  const out = [
    `### Refusal templates`,
    '',
    `${t.templates} templates for ${t.refusals} refusals; the largest holds ${formatFigure(t.largestShare, 'rate')}, the top five ${formatFigure(t.top5Share, 'rate')}.${t.openings.top[0] ? ` ${formatFigure(t.openings.largestShare, 'rate')} open alike: "${md(t.openings.top[0].opening)} …".` : ''}`,
    '',
    '| count | principles | example |',
    '|---:|---|---|',
  ];
  for (const row of t.top.slice(0, 5))
    out.push(`| ${row.count} | ${md(row.principles.join(', '))} | ${md(oneLine(row.examples[0]?.text ?? row.key, 160))} |`);
  return [...out, ''];
}
