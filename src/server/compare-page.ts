import { formatFigure, formatInterval, metricRegistry } from '../metrics/index.js';
import type { CaseChange, Comparison, MetricChange } from '../report/index.js';
import { html, type Html } from './html.js';

/**
 * Two runs side by side, from the report module's comparison (Newcombe intervals on the change):
 * new failures first, then metrics outside the noise, then the rest.
 */
export function comparePage(c: Comparison): Html {
  const row = (m: MetricChange) => {
    const unit = metricRegistry[m.metric].unit;
    const diffUnit = unit === 'ratio' ? 'ratio' : 'points';
    const cls = m.outsideNoise ? (m.direction === 'worse' ? 'bad' : m.direction === 'better' ? 'ok' : 'warn') : '';
    return html`<tr class="${m.outsideNoise ? 'outside' : ''}"><td>${metricRegistry[m.metric].title}</td><td>${m.scope}</td>
      <td class="num">${formatFigure(m.a, unit)} <span class="muted">n=${m.nA}</span></td><td class="num">${formatFigure(m.b, unit)} <span class="muted">n=${m.nB}</span></td>
      <td class="num ${cls}">${m.diff === null ? '—' : formatFigure(m.diff, diffUnit)} <span class="muted">${formatInterval(m.ci95, diffUnit)}</span></td>
      <td class="${cls}">${m.outsideNoise ? `${m.direction}, outside the noise` : 'within the noise'}</td></tr>`;
  };
  const cases = (title: string, xs: CaseChange[], cls: string) =>
    xs.length
      ? html`<h2>${title} (${xs.length})</h2><table><thead><tr><th>case</th><th>expect</th><th>A</th><th>B</th></tr></thead><tbody>${xs
          .slice(0, 200)
          .map(
            (x) => html`<tr><td>${x.caseId}</td><td>${x.expect}</td><td>${x.from}</td><td class="${cls}">${x.to}</td></tr>`,
          )}</tbody></table>`
      : '';
  return html`<h1>Compare</h1>
    <p>A = <a href="/runs/${encodeURIComponent(c.a.runId)}">${c.a.runId}</a> (${c.a.target}) · B = <a href="/runs/${encodeURIComponent(c.b.runId)}">${c.b.runId}</a> (${c.b.target}) · errors ${c.errors.a} → ${c.errors.b}</p>
    ${cases('New failures: held in A, broke in B', c.newFailures, 'bad')}
    <h2>Metrics</h2>
    <table class="compare"><thead><tr><th>metric</th><th>scope</th><th class="num">A</th><th class="num">B</th><th class="num">B − A [95% CI]</th><th></th></tr></thead><tbody>${c.metrics.map(row)}</tbody></table>
    ${cases('Fixed: broke in A, held in B', c.fixed, 'ok')}`;
}
