import type { MonitorStatus, WindowStats } from '../monitor/index.js';
import { html, pct, type Html } from './html.js';
import { lineChart } from './line-chart.js';

const COLORS = {
  refusal: '#15803d',
  partial: '#b45309',
  compliance: '#b91c1c',
  over: '#7c3aed',
  harmful: '#dc2626',
  p50: '#2563eb',
  p95: '#0891b2',
};

/** Rates, look-alike rates, script index and latency per window, with open alerts marked and listed. */
export function monitorPage(status: Omit<MonitorStatus, 'newAlerts'>): Html {
  const ws = status.windows;
  const labels = ws.map((w) => label(w, status.windowMs));
  const alerted = new Set(status.alerts.map((a) => a.window));
  const marks = ws.flatMap((w, i) => (alerted.has(w.start) ? [i] : []));
  const rate = (f: (w: WindowStats) => number | null) => ws.map(f);
  const charts = ws.length
    ? html`
      <h2>Refusal, partial and compliance rates</h2>
      ${lineChart({
        title: 'rates per window',
        labels,
        marks,
        yMax: 1,
        format: (v) => pct(v, 0),
        series: [
          { label: 'refusal', color: COLORS.refusal, values: rate((w) => w.rates.refusal) },
          { label: 'partial', color: COLORS.partial, values: rate((w) => w.rates.partial) },
          { label: 'compliance', color: COLORS.compliance, values: rate((w) => w.rates.compliance) },
        ],
      })}
      <h2>Look-alikes: over-refusal of benign twins, compliance with pack intents</h2>
      ${lineChart({
        title: 'look-alike rates',
        labels,
        marks,
        yMax: 1,
        format: (v) => pct(v, 0),
        series: [
          { label: 'over-refusal', color: COLORS.over, values: rate((w) => w.overRefusal.rate) },
          { label: 'harmful compliance', color: COLORS.harmful, values: rate((w) => w.harmfulCompliance.rate) },
        ],
      })}
      <h2>Script index (1 = every refusal is one canned sentence)</h2>
      ${lineChart({ title: 'script index', labels, yMax: 1, format: (v) => v.toFixed(2), series: [{ label: 'script index', color: COLORS.refusal, values: rate((w) => w.scriptIndex) }] })}
      <h2>Latency</h2>
      ${lineChart({
        title: 'latency',
        labels,
        format: (v) => `${Math.round(v)} ms`,
        series: [
          { label: 'p50', color: COLORS.p50, values: rate((w) => w.latency?.p50 ?? null) },
          { label: 'p95', color: COLORS.p95, values: rate((w) => w.latency?.p95 ?? null) },
        ],
      })}`
    : html`<p class="muted">No production records yet. Send some with <code>refusal-drill monitor ingest &lt;file&gt;</code> or POST NDJSON to <code>/api/ingest</code>.</p>`;
  return html`<h1>Monitor</h1>
    <div class="cards">
      <div class="card"><div class="muted">records</div><div class="big">${status.records}</div></div>
      <div class="card"><div class="muted">windows shown</div><div class="big">${ws.length}</div><div class="muted">${Math.round(status.windowMs / 60000)} min each</div></div>
      <div class="card"><div class="muted">open alerts</div><div class="big ${status.alerts.length ? 'bad' : 'ok'}" id="open-alerts">${status.alerts.length}</div></div>
      <div class="card"><div class="muted">baseline</div><div>${status.baseline.spec}</div><div class="muted">${status.baseline.windows} windows, n=${status.baseline.n}</div></div>
    </div>
    ${charts}
    <h2>Open alerts</h2>${alertsTable(status)}
    <h2>Windows</h2>${windowsTable(ws)}`;
}

function alertsTable(status: Omit<MonitorStatus, 'newAlerts'>): Html {
  if (status.alerts.length === 0) return html`<p class="muted">None.</p>`;
  const rows = status.alerts.map(
    (a) => html`<tr data-alert="${a.id}"><td>${a.id}</td><td>${a.metric}</td><td>${a.window}</td><td class="num">${pct(a.baseline)}</td>
      <td class="num ${a.direction === 'up' ? 'bad' : 'warn'}">${pct(a.value)} ${a.direction === 'up' ? '▲' : '▼'}</td><td>${a.test}</td>
      <td class="num">${a.pValue === undefined ? `S=${a.statistic.toFixed(1)}` : a.pValue.toExponential(1)}</td><td class="num">${a.n}</td>
      <td><button type="button" class="ack" data-id="${a.id}">acknowledge</button></td></tr>`,
  );
  return html`<table><thead><tr><th>#</th><th>metric</th><th>window</th><th class="num">baseline</th><th class="num">value</th><th>test</th><th class="num">p / CUSUM</th><th class="num">n</th><th></th></tr></thead><tbody>${rows}</tbody></table>`;
}

function windowsTable(ws: WindowStats[]): Html {
  const rows = [...ws].reverse().map(
    (
      w,
    ) => html`<tr><td>${w.start}</td><td class="num">${w.n}</td><td class="num">${pct(w.rates.refusal)}</td><td class="num">${pct(w.rates.partial)}</td>
      <td class="num">${pct(w.rates.compliance)}</td><td class="num">${w.counts.error}</td>
      <td class="num">${pct(w.overRefusal.rate)} <span class="muted">/${w.overRefusal.n}</span></td>
      <td class="num">${pct(w.harmfulCompliance.rate)} <span class="muted">/${w.harmfulCompliance.n}</span></td>
      <td class="num">${w.scriptIndex === null ? '—' : w.scriptIndex.toFixed(2)}</td>
      <td>${w.newTemplates.count}${w.newTemplates.examples.map((e) => html`<div class="muted">“${e}”</div>`)}</td>
      <td class="num">${w.latency ? `${Math.round(w.latency.p50)} ms` : '—'}</td></tr>`,
  );
  return html`<table><thead><tr><th>window</th><th class="num">n</th><th class="num">refusal</th><th class="num">partial</th><th class="num">compliance</th><th class="num">errors</th>
    <th class="num">over-refusal</th><th class="num">harmful compl.</th><th class="num">script idx</th><th>new templates</th><th class="num">p50</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function label(w: WindowStats, windowMs: number): string {
  return windowMs >= 86_400_000 ? w.start.slice(0, 10) : w.start.slice(5, 16).replace('T', ' ');
}

/** Acknowledges an alert in place; the button's row disappears once the server agrees. */
export const MONITOR_SCRIPT = `
document.addEventListener('click', async (e) => {
  const b = e.target.closest('button.ack');
  if (!b) return;
  b.disabled = true;
  const res = await fetch('/api/alerts/ack', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ids: [Number(b.dataset.id)] }) });
  if (res.ok) { b.closest('tr').remove(); const c = document.getElementById('open-alerts'); c.textContent = String(Math.max(0, Number(c.textContent) - 1)); }
  else { b.disabled = false; b.textContent = 'failed: ' + res.status; }
});
`;
