import { expectedBand, proportionOf, RANGE_PRESETS } from '../monitor/index.js';
import type { MonitorStatus, RateMetric, StoredIncident, WindowStats } from '../monitor/index.js';
import { html, pct, type Html } from './html.js';
import { lineChart, type ChartIncident, type Series } from './line-chart.js';

/**
 * Colours say what a line is, not whether it is good: more refusal is not better (over-refusal is
 * a failure too), so refusal is a neutral blue, and red is kept for what is harmful whatever its level.
 */
export const SERIES_COLORS: Record<RateMetric | 'leaks', string> = {
  refusal: '#2563eb',
  partial: '#d97706',
  compliance: '#64748b',
  error: '#6b7280',
  notUnderstood: '#0d9488',
  overRefusal: '#9333ea',
  harmfulCompliance: '#dc2626',
  leaks: '#be123c',
};
const LATENCY = { p50: '#0369a1', p95: '#7dd3fc' };

const LABELS: Record<RateMetric, string> = {
  refusal: 'refusal',
  partial: 'partial',
  compliance: 'compliance',
  error: 'errors',
  notUnderstood: 'not understood',
  overRefusal: 'over-refusal',
  harmfulCompliance: 'harmful compliance',
};

/** Rates with their baseline bands and incidents, look-alikes, leaks, script index and latency per window. */
export function monitorPage(status: MonitorStatus): Html {
  const ws = status.windows;
  const labels = ws.map((w) => label(w, status.windowMs));
  const rateSeries = (m: RateMetric): Series => ({
    label: LABELS[m],
    color: SERIES_COLORS[m],
    values: ws.map((w) => {
      const p = proportionOf(w, m);
      return p.n > 0 ? p.count / p.n : null;
    }),
    ...baselineOf(status, m),
  });
  const chart = (title: string, metrics: RateMetric[]) =>
    lineChart({
      title,
      labels,
      format: (v) => pct(v, 1),
      series: metrics.map(rateSeries),
      incidents: marks(status.incidents, ws, metrics),
    });
  const charts = ws.length
    ? html`
      <h2>Refusal rate</h2>${chart('refusal rate', ['refusal'])}
      <h2>Compliance and partial</h2>${chart('compliance and partial', ['compliance', 'partial'])}
      <h2>Look-alikes: over-refusal of benign twins, compliance with pack intents</h2>${chart('look-alike rates', ['overRefusal', 'harmfulCompliance'])}
      <h2>Leaks flagged, errors, not understood</h2>
      ${lineChart({
        title: 'leaks, errors, not understood',
        labels,
        format: (v) => pct(v, 1),
        series: [
          { label: 'leaks', color: SERIES_COLORS.leaks, values: ws.map((w) => w.leaks.rate) },
          rateSeries('error'),
          rateSeries('notUnderstood'),
        ],
        incidents: marks(status.incidents, ws, ['error', 'notUnderstood']),
      })}
      <h2>Script index (1 = every refusal is one canned sentence)</h2>
      ${lineChart({ title: 'script index', labels, yMax: 1, format: (v) => v.toFixed(2), series: [{ label: 'script index', color: SERIES_COLORS.refusal, values: ws.map((w) => w.scriptIndex) }] })}
      <h2>Latency</h2>
      ${lineChart({
        title: 'latency',
        labels,
        format: (v) => `${Math.round(v)} ms`,
        series: [
          { label: 'p50', color: LATENCY.p50, values: ws.map((w) => w.latency?.p50 ?? null) },
          { label: 'p95', color: LATENCY.p95, values: ws.map((w) => w.latency?.p95 ?? null) },
        ],
      })}`
    : html`<p class="muted">No production records${status.records ? ' in this range' : ' yet'}. Send some with <code>refusal-drill monitor ingest &lt;file&gt;</code> or POST NDJSON to <code>/api/ingest</code>.</p>`;
  const open = status.incidents.filter((i) => i.status === 'open');
  return html`<h1>Monitor</h1>
    ${rangeForm(status)}
    <div class="cards">
      <div class="card"><div class="muted">records</div><div class="big">${status.records}</div></div>
      <div class="card"><div class="muted">windows shown</div><div class="big">${ws.length}</div><div class="muted">${windowName(status.windowMs)} each</div></div>
      <div class="card"><div class="muted">open incidents</div><div class="big ${open.length ? 'bad' : 'ok'}" id="open-incidents">${open.length}</div></div>
      <div class="card"><div class="muted">leaks flagged</div><div class="big ${status.leaks ? 'bad' : ''}" id="leaks">${status.leaks}</div><a href="/review">review queue</a></div>
      <div class="card"><div class="muted">baseline</div><div>${status.baseline.spec}</div><div class="muted">${status.baseline.windows} windows, n=${status.baseline.n}</div></div>
    </div>
    <h2>Incidents</h2>${incidentsTable(status.incidents)}
    ${charts}
    <h2>Windows</h2><div class="scroll">${windowsTable(ws)}</div>`;
}

function rangeForm(status: MonitorStatus): Html {
  const names = ['auto', ...Object.keys(RANGE_PRESETS), 'all'];
  const options = names.map((n) => html`<option value="${n}" ${status.range.name === n ? 'selected' : ''}>${n}</option>`);
  const day = (ms: number) => (ms > 0 ? new Date(ms).toISOString().slice(0, 10) : '');
  return html`<form class="range" method="get" action="/monitor">
    <label>range <select name="range" id="range">${options}</select></label>
    <label>or from <input type="date" name="from" value="${status.range.name === 'custom' ? day(status.range.fromMs) : ''}"></label>
    <label>to <input type="date" name="to" value="${status.range.name === 'custom' ? day(status.range.toMs - 1) : ''}"></label>
    <button type="submit">show</button> <span class="muted" id="range-why">${status.range.why}</span></form>`;
}

function baselineOf(status: MonitorStatus, m: RateMetric): Pick<Series, 'baseline'> {
  const p0 = status.baseline.rates[m];
  if (p0 === undefined) return {};
  const bands = status.windows.map((w) => expectedBand(p0, proportionOf(w, m).n));
  return { baseline: { value: p0, lo: bands.map((b) => b?.[0] ?? null), hi: bands.map((b) => b?.[1] ?? null) } };
}

function marks(incidents: StoredIncident[], ws: WindowStats[], metrics: RateMetric[]): ChartIncident[] {
  const first = ws[0];
  const last = ws.at(-1);
  if (!first || !last) return [];
  const index = (iso: string): number => {
    const i = ws.findIndex((w) => w.start >= iso);
    return i < 0 ? ws.length - 1 : i;
  };
  return incidents
    .filter((i) => metrics.includes(i.metric) && i.last >= first.start && i.start <= last.start)
    .map((i) => ({
      id: i.id,
      series: LABELS[i.metric],
      from: index(i.start),
      to: i.status === 'open' ? ws.length - 1 : Math.max(index(i.start), index(i.end ?? i.last) - 1),
      label: `#${i.id} ${i.direction === 'up' ? '▲' : '▼'}`,
      open: i.status === 'open',
    }));
}

function incidentsTable(incidents: StoredIncident[]): Html {
  if (incidents.length === 0) return html`<p class="muted" id="no-incidents">None in this range.</p>`;
  const rows = incidents.map(
    (i) => html`<tr data-incident="${i.id}" class="${i.status}"><td>#${i.id}</td>
      <td><span class="swatch" style="background:${SERIES_COLORS[i.metric]}"></span>${LABELS[i.metric]} ${i.direction === 'up' ? '▲' : '▼'}</td>
      <td>${i.status}${i.acknowledged ? html` <span class="muted">(seen)</span>` : ''}</td>
      <td>${when(i.start)}</td><td>${i.status === 'open' ? 'now' : when(i.end ?? i.last)}</td>
      <td class="num">${pct(i.before)} → <b>${pct(i.after)}</b> <span class="muted">(${pct(i.afterCi[0])}–${pct(i.afterCi[1])})</span></td>
      <td class="num">${i.windows}</td><td>${i.detectors.map((d) => (d === 'cusum' ? 'CUSUM' : 'z-test')).join(' + ')}</td>
      <td>${i.mirrors.map((m) => html`<div>${LABELS[m.metric]} ${m.direction === 'up' ? '▲' : '▼'} ${pct(m.before)} → ${pct(m.after)}</div>`)}</td>
      <td>${i.status === 'open' && !i.acknowledged ? html`<button type="button" class="ack" data-id="${i.id}" title="acknowledge: mark it seen (it stays open until back in band)">ack</button>` : ''}</td></tr>`,
  );
  return html`<div class="scroll"><table class="incidents"><thead><tr><th>#</th><th>metric</th><th>status</th><th>from</th><th>to</th><th class="num">before → after (95% CI)</th><th class="num">windows</th><th>detectors</th><th>moved with it</th><th></th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

function windowsTable(ws: WindowStats[]): Html {
  const rows = [...ws].reverse().map(
    (
      w,
    ) => html`<tr><td>${when(w.start)}</td><td class="num">${w.n}</td><td class="num">${pct(w.rates.refusal)}</td><td class="num">${pct(w.rates.partial)}</td>
      <td class="num">${pct(w.rates.compliance)}</td><td class="num">${w.counts.error}</td><td class="num">${w.counts.not_understood}</td>
      <td class="num">${pct(w.overRefusal.rate)} <span class="muted">/${w.overRefusal.n}</span></td>
      <td class="num">${pct(w.harmfulCompliance.rate)} <span class="muted">/${w.harmfulCompliance.n}</span></td>
      <td class="num">${w.leaks.count}</td>
      <td class="num">${w.scriptIndex === null ? '—' : w.scriptIndex.toFixed(2)}</td>
      <td>${w.newTemplates.count}${w.newTemplates.examples.map((e) => html`<div class="muted wrap">“${e}”</div>`)}</td>
      <td class="num">${w.latency ? `${Math.round(w.latency.p50)} ms` : '—'}</td></tr>`,
  );
  return html`<table><thead><tr><th>window</th><th class="num">n</th><th class="num">refusal</th><th class="num">partial</th><th class="num">compliance</th><th class="num">errors</th><th class="num">not understood</th>
    <th class="num">over-refusal</th><th class="num">harmful compl.</th><th class="num">leaks</th><th class="num">script idx</th><th>new templates</th><th class="num">p50</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function label(w: WindowStats, windowMs: number): string {
  return windowMs >= 86_400_000 ? w.start.slice(0, 10) : w.start.slice(5, 16).replace('T', ' ');
}

function when(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

function windowName(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000} day${ms === 86_400_000 ? '' : 's'}`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} hour${ms === 3_600_000 ? '' : 's'}`;
  return `${Math.round(ms / 60_000)} min`;
}
