import { metricRegistry } from '../metrics/index.js';
import {
  caseSummary,
  changeCells,
  flipText,
  gateSummary,
  headlineOrder,
  sliceView,
  verdictHead,
  verdictReasons,
  type CaseGroup,
  type Comparison,
  type MetricChange,
} from '../report/index.js';
import { html, type Html } from './html.js';

export const COMPARE_CSS = `
.verdict { font-size: 1.15em; font-weight: 600; margin: .4em 0; } .verdict.better { color: var(--ok); } .verdict.worse { color: var(--bad); } .verdict.mixed { color: var(--warn); }
table.changes td, table.cases td { overflow-wrap: anywhere; } table.changes td.mark { width: 1.5em; text-align: center; }
tr.better td.mark, tr.better td.status { color: var(--ok); } tr.worse td.mark, tr.worse td.status { color: var(--bad); } tr.changed td.status { color: var(--warn); }
tr.quiet { color: var(--muted); } ul.slices { padding-left: 1.2em; } ul.slices li { margin: .2em 0; }
`;

/** Two runs compared, in the order `compare` prints them: verdict, gate, headline, slices, cases, judging. */
export function comparePage(c: Comparison): Html {
  const runLink = (r: Comparison['a']) =>
    html`<a href="/runs/${encodeURIComponent(r.runId)}">${r.runId}</a> (${r.target}, ${r.cases} cases)`;
  const gate = c.gate;
  const rules = (label: string, ids: string[]) =>
    ids.length ? html` · ${label}: ${ids.map((id, i) => html`${i ? ', ' : ''}<code>${id}</code>`)}` : '';
  const unmeasured = c.headline.filter((m) => m.direction === 'n/a');
  return html`<h1>Compare</h1>
    <p>A = ${runLink(c.a)} → B = ${runLink(c.b)} · ${c.matched} cases in both · errors ${c.errors.a} → ${c.errors.b} (not counted in any rate)</p>
    <p class="verdict ${c.verdict.outcome}" id="compare-verdict">${verdictHead(c)}</p>
    <ul class="reasons">${verdictReasons(c).map((r) => html`<li><strong>${r.label}:</strong> ${r.items.join(', ')}</li>`)}</ul>
    <p id="compare-gate">${gateSummary(c)}${rules('newly failing', gate.newlyFailing)}${rules('newly passing', gate.newlyPassing)}${rules('still failing', gate.stillFailing)}</p>
    <p>${caseSummary(c)}.</p>
    <h2>Headline</h2>
    ${changeTable(
      'headline',
      headlineOrder(c).filter((m) => m.direction !== 'n/a'),
    )}
    ${unmeasured.length ? html`<p class="muted">Not compared, a run has no figure: ${unmeasured.map((m, i) => html`${i ? ', ' : ''}${metricRegistry[m.metric].title} (${changeCells(m).status})`)}.</p>` : ''}
    ${slices(c)}
    ${cases('New failures: held in A, broke in B', 'new-failures', c.newFailures)}
    ${cases('Fixed: broke in A, held in B', 'fixed', c.fixed)}
    <h2>Judging and reading</h2>
    <p class="muted">Not the model’s behaviour and not part of the verdict: how sure the judge was, and requests the model could not read.</p>
    ${changeTable('judging', c.judging)}`;
}

function changeTable(id: string, changes: MetricChange[], scope?: (m: MetricChange) => string): Html {
  const rows = changes.map((m) => {
    const x = changeCells(m);
    const cls = m.outsideNoise ? m.direction : 'quiet';
    return html`<tr class="${cls}" data-metric="${m.metric}"><td class="mark">${x.mark}</td>${scope ? html`<td>${scope(m)}</td>` : ''}
      <td title="${metricRegistry[m.metric].description}">${x.title}</td><td class="num">${x.a}</td><td class="num">${x.b}</td>
      <td class="num">${x.change}</td><td class="num">${x.ci}</td><td class="num">${x.n}</td><td class="status">${x.status}</td></tr>`;
  });
  return html`<table class="changes" id="${id}"><thead><tr><th></th>${scope ? html`<th>slice</th>` : ''}<th>metric</th><th class="num">A</th><th class="num">B</th>
    <th class="num">change</th><th class="num">95% interval</th><th class="num">n (A → B)</th><th></th></tr></thead><tbody>${rows}</tbody></table>`;
}

function slices(c: Comparison): Html {
  const v = sliceView(c);
  if (v.sliceCount === 0)
    return html`<h2>Where it changed</h2><p class="muted">No principle, family or split changed outside the noise.</p>`;
  const scopeOf = new Map<MetricChange, string>(v.against.map((x) => [x.change, x.slice]));
  return html`<h2>Where it changed</h2>
    ${
      v.against.length
        ? html`<p>Against the overall change, or where the overall figure did not move:</p>${changeTable(
            'slices-against',
            v.against.map((x) => x.change),
            (m) => scopeOf.get(m) ?? '',
          )}`
        : ''
    }
    ${
      v.following.length
        ? html`<details id="slices-with"><summary>Slices that moved with the overall change</summary><ul class="slices">${v.following.map(
            (f) =>
              html`<li>${changeCells(f.overall).mark} <strong>${metricRegistry[f.overall.metric].title}</strong>: ${f.slices.map(
                (x, i) => html`${i ? '; ' : ''}${x.slice} <span class="muted">${x.change}</span>`,
              )}</li>`,
          )}</ul></details>`
        : ''
    }
    ${v.sameAsOverall ? html`<p class="muted">Left out, the same as overall in both runs: ${v.sameAsOverall}.</p>` : ''}`;
}

function cases(title: string, id: string, groups: CaseGroup[]): Html {
  const count = groups.reduce((n, g) => n + g.samples, 0);
  if (!count) return html`<h2>${title}</h2><p class="muted">None.</p>`;
  return html`<h2>${title} <small class="muted">${count} cases, ${groups.length} rephrasings</small></h2>
    <table class="cases" id="${id}"><thead><tr><th>intent</th><th>rephrasing</th><th class="num">samples</th><th>A → B</th></tr></thead><tbody>${groups
      .slice(0, 500)
      .map(
        (g) =>
          html`<tr><td>${g.intent}</td><td><code>${g.rephrasing}</code></td><td class="num">${g.samples}</td><td>${flipText(g)}</td></tr>`,
      )}</tbody></table>${groups.length > 500 ? html`<p class="muted">… ${groups.length - 500} more rephrasings (compare --format json lists every case).</p>` : ''}`;
}
