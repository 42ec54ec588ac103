import { runFacts } from '../report/index.js';
import type { RunRecord } from '../spec/index.js';
import { html, type Html } from './html.js';

/** Runs newest first, each linking to its report, with what tells them apart and a form to compare two. */
export function runsPage(runs: RunRecord[]): Html {
  const rows = runs.map((r) => {
    const f = runFacts(r);
    return html`<tr><td><a href="/runs/${encodeURIComponent(r.id)}">${r.id}</a>${f.label ? html`<br><strong>${f.label}</strong>` : ''}</td><td>${f.target}</td><td>${f.packs}</td>
      <td>${f.status}</td><td class="num">${r.caseCount}</td><td class="num">${f.hold}</td><td class="num">${f.overRefusal}</td>
      <td class="${f.gate.startsWith('FAILED') ? 'bad' : ''}">${f.gate}</td><td>${f.answers}</td><td class="muted">${f.settings}</td><td>${r.createdAt}</td></tr>`;
  });
  return html`<h1>Runs</h1>
    ${runs.length ? html`<table><thead><tr><th>run</th><th>target</th><th>packs</th><th>status</th><th class="num">cases</th><th class="num">hold</th><th class="num">over-refusal</th><th>gate</th><th>answers</th><th>settings</th><th>created</th></tr></thead><tbody>${rows}</tbody></table>` : html`<p class="muted">No runs in this store yet.</p>`}
    ${runs.length >= 2 ? compareForm(runs, runs[1]?.id, runs[0]?.id) : ''}`;
}

export function compareForm(runs: RunRecord[], a: string | undefined, b: string | undefined): Html {
  const options = (selected: string | undefined) =>
    runs.map((r) => html`<option value="${r.id}" ${r.id === selected ? 'selected' : ''}>${r.id} · ${r.target}</option>`);
  return html`<h2>Compare</h2><form method="get" action="/compare">
    <label>A <select name="a">${options(a)}</select></label> <label>B <select name="b">${options(b)}</select></label> <button type="submit">compare</button></form>`;
}
