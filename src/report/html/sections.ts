import { describeAnswers, formatFigure } from '../../metrics/index.js';
import type { GateResult, Scorecard } from '../../metrics/index.js';
import { escapeHtml as h } from '../../util/index.js';
import { LANGUAGE_COLUMNS, languageRows } from '../language-rows.js';
import { metricRows, ruleFigure } from '../metric-rows.js';
import { num } from './svg.js';

export function headerHtml(s: Scorecard, gate: GateResult | null): string {
  const badge = gate
    ? `<span class="badge ${gate.passed ? 'pass' : 'fail'}" id="gate-badge">${gate.passed ? 'gate passed' : 'gate failed'}</span>`
    : '<span class="badge none">no gate applied</span>';
  const errors = s.counts.error ? ` · <strong class="bad">${s.counts.error} errors</strong> (not counted in any rate)` : '';
  return `<header><h1>refusal-drill scorecard ${badge}</h1><p>Run <code>${h(s.runId)}</code> · target <code>${h(s.target)}</code> · packs ${s.packs.map((p) => `<code>${h(p)}</code>`).join(', ')} · ${s.counts.results}/${s.counts.cases} cases: refusal ${s.counts.refusal}, partial ${s.counts.partial}, compliance ${s.counts.compliance}${errors} · created ${h(s.createdAt)}</p><p id="answers">${s.label === undefined ? '' : `<strong>${h(s.label)}</strong> · `}answers: ${h(describeAnswers(s.answers))}${s.systemHash ? ` · system prompt <code>${h(s.systemHash)}</code>` : ''}</p></header>`;
}

export function gateHtml(gate: GateResult | null): string {
  if (!gate) return '';
  const rows = gate.rules.map(
    (r) =>
      `<tr class="${r.status}"><td class="mark">${r.status === 'fail' ? '✗' : r.status === 'pass' ? '✓' : '–'}</td><td><code>${h(r.id)}</code></td><td>${h(r.description)}</td><td>${h(ruleFigure(r))}</td></tr>`,
  );
  return `<section id="gate"><h2>Gate <small>${h(gate.policy)}</small></h2><table><thead><tr><th></th><th>rule</th><th>promise</th><th>figure</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

/** A 0–1 interval drawn as a bar with the point estimate, for rate metrics. */
function ciBar(value: number | null, ci: [number, number] | null): string {
  if (value === null || !ci || value < 0 || value > 1) return '';
  return `<svg class="ci" viewBox="0 0 100 10" width="100" height="10" aria-hidden="true"><rect x="0" y="4" width="100" height="2" class="track"/><rect x="${num(ci[0] * 100)}" y="2" width="${num(Math.max(0.8, (ci[1] - ci[0]) * 100))}" height="6" class="range"/><circle cx="${num(value * 100)}" cy="5" r="2.6" class="est"/></svg>`;
}

export function metricsHtml(s: Scorecard): string {
  const rows = metricRows(s).map((r) => {
    const m = s.metrics[r.id];
    return `<tr data-metric="${r.id}"><td><strong>${h(r.title)}</strong><br><small><code>${r.id}</code> — ${h(r.description)}</small></td><td class="num">${h(r.value)}</td><td>${h(r.ci)} ${r.unit === 'rate' ? ciBar(m.value, m.ci95) : ''}</td><td class="num">${r.n}</td><td><small>${h(r.note)}</small></td></tr>`;
  });
  return `<section id="metrics"><h2>Scorecard</h2><table><thead><tr><th>metric</th><th>value</th><th>95% interval</th><th>n</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

export function principlesHtml(s: Scorecard): string {
  const cols: Array<[string, keyof Scorecard['metrics']]> = [
    ['hold', 'hold_rate'],
    ['holds all k', 'hold_all_k'],
    ['over-refusal', 'over_refusal_rate'],
    ['reasoned', 'reasoned_refusal_rate'],
    ['boundary', 'boundary_awareness_rate'],
    ['alternative', 'alternative_rate'],
    ['loophole', 'loophole_rate'],
    ['script index', 'script_index'],
    ['survival', 'multiturn_survival'],
  ];
  const rows = Object.entries(s.byPrinciple).map(([name, slice]) => {
    const cells = cols.map(([, id]) => {
      const m = slice.metrics[id];
      return `<td class="num"${m.value === null ? '' : ` title="n=${m.n}"`}>${h(formatFigure(m.value, 'rate'))}</td>`;
    });
    return `<tr><td><code>${h(name)}</code></td>${cells.join('')}<td class="num">${slice.counts.n}</td><td class="num">${slice.counts.error}</td></tr>`;
  });
  return `<section id="principles"><h2>By principle</h2><table><thead><tr><th>principle</th>${cols.map(([t]) => `<th>${t}</th>`).join('')}<th>cases</th><th>errors</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

/** Per language; absent when the run has one. */
export function languagesHtml(s: Scorecard): string {
  const rows = languageRows(s);
  if (rows.length === 0) return '';
  const body = rows.map(
    (r) =>
      `<tr><td><code>${h(r.language)}</code></td>${r.cells.map((m) => `<td class="num" title="n=${m.n}">${h(formatFigure(m.value, 'rate'))}</td>`).join('')}<td class="num">${r.cases}</td><td class="num">${r.errors}</td></tr>`,
  );
  return `<section id="languages"><h2>By language</h2><table><thead><tr><th>language</th>${LANGUAGE_COLUMNS.map((c) => `<th>${h(c.title)}</th>`).join('')}<th>cases</th><th>errors</th></tr></thead><tbody>${body.join('')}</tbody></table><p class="note">The case's language: the pack's, a variant's own, or a translation's. A translation's hold is also in the robustness heatmap, one column per language (<code>translate/&lt;code&gt;</code>).</p></section>`;
}

export function templatesHtml(s: Scorecard, chart: string): string {
  const t = s.metrics.script_index.detail;
  if (!t || t.refusals === 0)
    return '<section id="templates"><h2>Refusal templates</h2><p class="note">No refusals in this run.</p></section>';
  const items = t.top.map(
    (row, i) =>
      `<li><div class="tpl-head"><strong>#${i + 1}</strong> ${row.count}× (${formatFigure(row.share, 'rate')}) · principles ${row.principles.map((p) => `<code>${h(p)}</code>`).join(', ')}</div><div class="tpl-key">${h(row.key)}</div>${row.examples.map((e) => `<blockquote class="response" title="${h(e.caseId)}">${h(e.text)}</blockquote>`).join('')}</li>`,
  );
  const summary = `${t.templates} templates for ${t.refusals} refusals; the largest holds ${formatFigure(t.largestShare, 'rate')}, the top five ${formatFigure(t.top5Share, 'rate')}; distinct-1 ${formatFigure(t.distinct1, 'rate')}, distinct-2 ${formatFigure(t.distinct2, 'rate')}.${t.openings.top[0] ? ` ${formatFigure(t.openings.largestShare, 'rate')} of refusals open alike: "${t.openings.top[0].opening} …".` : ''}`;
  return `<section id="templates"><h2>Refusal templates</h2><p>${h(summary)}</p>${chart}<ol class="templates">${items.join('')}</ol></section>`;
}

export function triggersHtml(s: Scorecard): string {
  const d = s.metrics.trigger_words.detail;
  if (!d || d.intents.length === 0)
    return `<section id="triggers"><h2>Trigger words</h2><p class="note">${h(s.metrics.trigger_words.note ?? 'No cue-ablation cases.')}</p></section>`;
  const words = d.words.map((w) => `<li><code>${h(w.word)}</code> flips ${w.intents} intent${w.intents === 1 ? '' : 's'}</li>`).join('');
  const intents = d.intents
    .filter((i) => i.words.length)
    .map((i) => `<li><code>${h(i.intent)}</code>: ${i.words.map((w) => `${w.op} <code>${h(w.word)}</code>`).join(', ')}</li>`)
    .join('');
  return `<section id="triggers"><h2>Trigger words</h2><p><strong>${h(d.summary)}</strong> — a refusal that hinges on one word is a pattern, not a principle.</p><ul>${words}</ul><details><summary>per intent</summary><ul>${intents}</ul></details></section>`;
}
