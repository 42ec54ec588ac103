import { describeIncident, type StoredIncident } from '../monitor/index.js';
import type { RunRecord } from '../spec/index.js';
import { html, type Html } from './html.js';

export interface HomeInput {
  runs: RunRecord[];
  records: number;
  /** Open incidents. */
  incidents: StoredIncident[];
  leaks: number;
  queue: { total: number; pending: number; labeled: number };
}

export function homePage(input: HomeInput): Html {
  const runs = input.runs
    .slice(0, 10)
    .map(
      (r) =>
        html`<li><a href="/runs/${encodeURIComponent(r.id)}">${r.id}</a> <span class="muted">${r.target} · ${r.status} · ${r.createdAt}</span></li>`,
    );
  const incidents = input.incidents.slice(0, 10).map((i) => html`<li class="bad">#${i.id} ${describeIncident(i)}</li>`);
  return html`<h1>Overview</h1>
    <div class="cards">
      <div class="card"><div class="muted">runs</div><div class="big">${input.runs.length}</div><a href="/runs">all runs</a></div>
      <div class="card"><div class="muted">production records</div><div class="big">${input.records}</div><a href="/monitor">monitor</a></div>
      <div class="card"><div class="muted">open incidents</div><div class="big ${input.incidents.length ? 'bad' : 'ok'}">${input.incidents.length}</div><a href="/monitor">incidents</a></div>
      <div class="card"><div class="muted">leaks flagged</div><div class="big ${input.leaks ? 'bad' : ''}">${input.leaks}</div><a href="/review">review queue</a></div>
      <div class="card"><div class="muted">to review</div><div class="big">${input.queue.pending}</div><a href="/review">review queue</a></div>
    </div>
    <h2>Latest runs</h2>${runs.length ? html`<ul>${runs}</ul>` : html`<p class="muted">No runs yet: <code>refusal-drill run …</code></p>`}
    <h2>Open incidents</h2>${incidents.length ? html`<ul>${incidents}</ul>` : html`<p class="muted">None.</p>`}`;
}
