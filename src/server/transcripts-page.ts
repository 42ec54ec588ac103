import { caseOutcome, rephrasingLabel } from '../report/index.js';
import { verdictSchema, type CaseResult, type RunRecord } from '../spec/index.js';
import type { PlacedResult, ResultFilter } from '../store/index.js';
import { html, type Html } from './html.js';

/** Longest text shown per message: a page of 50 cases stays small; results.jsonl has every character. */
const MAX_TEXT = 6000;

export const TRANSCRIPTS_CSS = `
form.filters { display: flex; gap: 1em; flex-wrap: wrap; align-items: end; margin: .6em 0; } form.filters input[type=text] { min-width: 24em; }
nav.pager { display: flex; gap: 1.5em; margin: .8em 0; align-items: baseline; }
article.case { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: .5em .9em; margin: .7em 0; }
article.case header { display: flex; gap: .7em; flex-wrap: wrap; align-items: baseline; } article.case header code { overflow-wrap: anywhere; }
article.case .role { font-weight: 600; color: var(--muted); margin-top: .4em; } .outcome-broke, .outcome-over-refused { color: var(--bad); } .outcome-held, .outcome-answered { color: var(--ok); }
`;

export interface TranscriptsPageInput {
  run: RunRecord;
  filter: ResultFilter;
  perPage: number;
  items: PlacedResult[];
  /** Results the filter takes, and all the run's. */
  matching: number;
  total: number;
  /** Links to the neighbouring pages, when there is one. */
  previous?: string;
  next?: string;
  /** This filter's first page, and the address of a filter on one case-id prefix. */
  first: string;
  withPrefix: (prefix: string) => string;
}

/** A run's transcripts, a bounded page at a time in plan order, filtered by verdict and case-id prefix. */
export function transcriptsPage(p: TranscriptsPageInput): Html {
  const runHref = `/runs/${encodeURIComponent(p.run.id)}`;
  // the pager is shown above and below the cases; only the first carries the ids
  const pager = (top: boolean): Html => html`<nav class="pager">
    ${p.previous ? html`<a href="${p.previous}" ${top ? html`id="previous-page"` : ''} rel="prev">← previous ${p.perPage}</a>` : html`<span class="muted">← previous</span>`}
    <span ${top ? html`id="page-position"` : ''}>${p.items.length ? `plan positions #${(p.items[0]?.ord ?? 0) + 1}–#${(p.items.at(-1)?.ord ?? 0) + 1}` : 'no cases here'}</span>
    ${p.next ? html`<a href="${p.next}" ${top ? html`id="next-page"` : ''} rel="next">next ${p.perPage} →</a>` : html`<span class="muted">next →</span>`}</nav>`;
  const verdicts = verdictSchema.options.map(
    (v) => html`<option value="${v}" ${v === p.filter.verdict ? 'selected' : ''}>${v.replace('_', ' ')}</option>`,
  );
  return html`<h1>Transcripts of run <a href="${runHref}">${p.run.id}</a></h1>
    <p class="muted">${p.run.target} · every case the run stored, ${p.perPage} at a time in plan order, read from the store a page at a time. The run's report embeds a selection; this is all of them.</p>
    <form class="filters" method="get" action="${runHref}/transcripts">
      <label>verdict <select name="verdict" id="verdict-filter"><option value="">any</option>${verdicts}</select></label>
      <label>case id starts with <input type="text" name="case" id="case-filter" value="${p.filter.caseIdPrefix ?? ''}" placeholder="pack/principle/intent/" maxlength="500"></label>
      <input type="hidden" name="per" value="${p.perPage}">
      <button type="submit">show</button> <a href="${runHref}/transcripts">clear</a></form>
    <p id="match-count"><strong>${p.matching.toLocaleString('en-US')}</strong> of ${p.total.toLocaleString('en-US')} results match${
      p.filter.verdict || p.filter.caseIdPrefix ? '' : ' (no filter)'
    }.</p>
    ${pager(true)}
    <div id="cases">${p.items.length ? p.items.map((item) => caseCard(item, p.withPrefix)) : html`<p class="muted" id="empty">No case matches here. <a href="${p.first}">First page</a>.</p>`}</div>
    ${p.items.length > 3 ? pager(false) : ''}`;
}

function caseCard({ ord, result: r }: PlacedResult, withPrefix: (prefix: string) => string): Html {
  const c = r.case;
  const principle = `${c.packId}/${c.principleId}/`;
  const intent = c.intentId === null ? undefined : `${principle}${c.intentId}/`;
  const outcome = caseOutcome(r);
  const scope = [
    r.caseId.startsWith(principle) ? html` <a href="${withPrefix(principle)}" class="scope">principle</a>` : '',
    intent && r.caseId.startsWith(intent) ? html` <a href="${withPrefix(intent)}" class="scope">intent</a>` : '',
  ];
  return html`<article class="case" id="case-${ord + 1}" data-ord="${ord}" data-verdict="${r.judgement.verdict}">
    <header><strong>#${ord + 1}</strong> <code>${r.caseId}</code> <span class="outcome-${outcome.replace(' ', '-')}">${outcome}</span>
      <span class="badge ${r.judgement.verdict}">${r.judgement.verdict}</span>
      <span class="muted">${rephrasingLabel(c)} · ${c.kind} · expects ${c.expect === 'refuse' ? 'a refusal' : 'an answer'} · ${c.split} · ${c.language} · judged by ${r.judgement.judge}, ${Math.round(r.judgement.confidence * 100)}% sure</span>
      <span class="muted">only this:${scope}</span></header>
    ${c.system === undefined ? '' : message('system', c.system)}
    ${(c.prefix ?? []).map((m) => message(`${m.role} (fixed prefix)`, m.content))}
    ${turns(r)}</article>`;
}

function turns(r: CaseResult): Html[] {
  return r.case.turns.slice(0, Math.max(1, r.turns.length)).map((t, i) => {
    const tr = r.turns[i];
    const verdict = tr
      ? html` <span class="badge ${tr.judgement.verdict}">${tr.judgement.verdict}</span>`
      : html` <span class="muted">not run</span>`;
    return html`${message(`user, turn ${i + 1}`, t.content)}${
      tr?.error
        ? html`<div class="role">error${verdict}</div><pre class="text bad">${tr.error.kind}: ${tr.error.message}</pre>`
        : tr?.response
          ? html`<div class="role">assistant${verdict}</div><pre class="text">${cut(tr.response.text)}</pre>`
          : html`<div class="role">assistant${verdict}</div><p class="muted">no response</p>`
    }`;
  });
}

function message(role: string, text: string): Html {
  return html`<div class="role">${role}</div><pre class="text">${cut(text)}</pre>`;
}

function cut(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}… [${text.length - MAX_TEXT} more characters in results.jsonl]` : text;
}
