import { formatFigure, formatInterval, metricRegistry } from '../metrics/index.js';
import type { CaseChange, Comparison, MetricChange } from './compare.js';
import { escapeMarkdown as md, jsonForHtml, stripControl } from '../util/index.js';

export type CompareFormat = 'text' | 'json' | 'md';

function figure(m: MetricChange): { from: string; to: string; diff: string; ci: string } {
  const unit = metricRegistry[m.metric].unit;
  const diffUnit = unit === 'ratio' ? 'ratio' : 'points';
  return {
    from: formatFigure(m.a, unit),
    to: formatFigure(m.b, unit),
    diff: m.diff === null ? '' : formatFigure(m.diff, diffUnit),
    ci: formatInterval(m.ci95, diffUnit),
  };
}

function caseLine(c: CaseChange): string {
  return `${c.caseId}  ${c.from} → ${c.to}`;
}

/** What changed between two runs: new failures first, then metrics outside the noise, then the rest. */
export function renderComparison(c: Comparison, format: CompareFormat): string {
  if (format === 'json') return `${jsonForHtml(c, 2)}\n`;
  const s = format === 'md' ? md : stripControl;
  const out: string[] = [];
  const head = `compare ${s(c.a.runId)} (${s(c.a.target)}) → ${s(c.b.runId)} (${s(c.b.target)})`;
  out.push(format === 'md' ? `## ${head}` : head, '');
  if (c.newlyFailingRules.length)
    out.push(
      `${format === 'md' ? '**' : ''}gate rules newly failing: ${c.newlyFailingRules.map(s).join(', ')}${format === 'md' ? '**' : ''}`,
      '',
    );
  const list = (title: string, xs: CaseChange[], mark: string): void => {
    if (!xs.length) return;
    out.push(`${title}: ${xs.length}`);
    for (const x of xs.slice(0, 40)) out.push(format === 'md' ? `- ${mark} ${md(caseLine(x))}` : `  ${mark} ${stripControl(caseLine(x))}`);
    if (xs.length > 40) out.push(`  … ${xs.length - 40} more`);
    out.push('');
  };
  list('new failures (held in A, broke in B)', c.newFailures, '✗');
  const worse = c.metrics.filter((m) => m.outsideNoise);
  const rest = c.metrics.filter((m) => !m.outsideNoise);
  const row = (m: MetricChange): string => {
    const f = figure(m);
    const mark = m.direction === 'worse' ? '▼' : m.direction === 'better' ? '▲' : m.direction === 'changed' ? '◆' : '·';
    const scope = m.scope === 'overall' ? '' : ` [${m.scope}]`;
    const text = `${mark} ${m.metric}${scope}  ${f.from} → ${f.to}  ${f.diff} ${f.ci}  (n ${m.nA} → ${m.nB})${m.outsideNoise ? ` ${m.direction}, outside the noise` : ''}`;
    return format === 'md' ? `| ${md(text)} |` : `  ${stripControl(text)}`;
  };
  if (format === 'md') out.push('| change |', '|---|');
  out.push(format === 'md' ? `| **outside the noise: ${worse.length}** |` : `outside the noise: ${worse.length}`, ...worse.map(row));
  out.push(format === 'md' ? '| **within the noise** |' : 'within the noise (overall):', ...rest.map(row), '');
  list('fixed (broke in A, held in B)', c.fixed, '✓');
  if (c.errors.a || c.errors.b) out.push(`errors (not counted in any rate): ${c.errors.a} → ${c.errors.b}`);
  return `${out.join('\n').trimEnd()}\n`;
}
