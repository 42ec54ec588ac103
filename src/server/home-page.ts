import type { StoredAlert } from '../monitor/index.js';
import type { RunRecord } from '../spec/index.js';
import { html, type Html } from './html.js';

export interface HomeInput {
  runs: RunRecord[];
  records: number;
  alerts: StoredAlert[];
  queue: { total: number; pending: number; labeled: number };
}

export function homePage(input: HomeInput): Html {
  const runs = input.runs
    .slice(0, 10)
    .map(
      (r) =>
        html`<li><a href="/runs/${encodeURIComponent(r.id)}">${r.id}</a> <span class="muted">${r.target} · ${r.status} · ${r.createdAt}</span></li>`,
    );
  const alerts = input.alerts
    .slice(0, 10)
    .map(
      (a) =>
        html`<li class="bad">${a.metric} ${a.direction === 'up' ? '▲' : '▼'} ${(a.value * 100).toFixed(1)}% vs ${(a.baseline * 100).toFixed(1)}% <span class="muted">${a.window} · ${a.test}</span></li>`,
    );
  return html`<h1>Overview</h1>
    <div class="cards">
      <div class="card"><div class="muted">runs</div><div class="big">${input.runs.length}</div><a href="/runs">all runs</a></div>
      <div class="card"><div class="muted">production records</div><div class="big">${input.records}</div><a href="/monitor">monitor</a></div>
      <div class="card"><div class="muted">open alerts</div><div class="big ${input.alerts.length ? 'bad' : 'ok'}">${input.alerts.length}</div><a href="/monitor">alerts</a></div>
      <div class="card"><div class="muted">to review</div><div class="big">${input.queue.pending}</div><a href="/review">review queue</a></div>
    </div>
    <h2>Latest runs</h2>${runs.length ? html`<ul>${runs}</ul>` : html`<p class="muted">No runs yet: <code>refusal-drill run …</code></p>`}
    <h2>Open alerts</h2>${alerts.length ? html`<ul>${alerts}</ul>` : html`<p class="muted">None.</p>`}`;
}
