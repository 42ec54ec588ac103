import type { Message } from '../spec/index.js';
import type { Reliability } from '../judges/index.js';
import { cursorOf, encodeCursor, type AgreementReport, type AgreementSlice, type QueuePage, type QueueItem } from '../review/index.js';
import { html, pct, type Html } from './html.js';
import { plural } from '../util/index.js';

export interface ReviewPageInput {
  page: QueuePage;
  pageSize: number;
  status: 'pending' | 'labeled' | 'all';
  /** Which item has the keyboard when the page opens: the last when paging back with k. */
  focus: 'first' | 'last';
  counts: { total: number; pending: number; labeled: number };
  agreement: AgreementReport;
  /** The dashboard's judge, and its stated confidence against reviewers' calls (weighted by stratum). */
  judge: string;
  reliability: Reliability | null;
  byReviewer: Array<{ reviewer: string; reliability: Reliability }>;
}

/** The review queue: a page of cards, labelled from the keyboard across pages (see REVIEW_SCRIPT). */
export function reviewPage(input: ReviewPageInput): Html {
  const a = input.agreement;
  const { page } = input;
  const tabs = (['pending', 'labeled', 'all'] as const).map(
    (s) =>
      html`<a href="/review?status=${s}&amp;per=${input.pageSize}" class="${s === input.status ? 'here' : ''}">${s} (${s === 'all' ? input.counts.total : input.counts[s]})</a> `,
  );
  const link = (dir: 'after' | 'before', item: QueueItem | undefined): string =>
    item ? `/review?status=${input.status}&per=${input.pageSize}&${dir}=${encodeURIComponent(encodeCursor(cursorOf(item)))}` : '';
  const previous = page.hasPrevious ? link('before', page.items[0]) : '';
  const next = page.hasNext ? link('after', page.items.at(-1)) : '';
  const total = input.status === 'all' ? input.counts.total : input.counts[input.status];
  const from = page.itemsBefore + 1;
  const to = page.itemsBefore + page.items.length;
  const pager = html`<nav class="pager" data-previous="${previous}" data-next="${next}" data-before="${page.itemsBefore}" data-total="${total}">
      ${previous ? html`<a href="${previous}" id="previous-page">← previous ${input.pageSize}</a>` : html`<span class="muted">← previous</span>`}
      <span id="page-position">${page.items.length ? `items ${from}–${to} of ${total} ${input.status}` : `none ${input.status}`}</span>
      ${next ? html`<a href="${next}" id="next-page">next ${input.pageSize} →</a>` : html`<span class="muted">next →</span>`}</nav>`;
  const byDay = a.byDay
    .slice(-14)
    .map(
      (d) =>
        html`<tr><td>${d.key}</td><td class="num">${d.n}</td><td class="num">${fmtKappa(d.kappa)}</td><td class="num">${pct(d.observed)}</td></tr>`,
    );
  return html`<h1>Review</h1>
    <div class="cards">
      <div class="card"><div class="muted">pending</div><div class="big" id="pending-count">${input.counts.pending}</div></div>
      <div class="card"><div class="muted">judge–human κ</div><div class="big" id="kappa">${fmtKappa(a.overall.kappa)}</div><div class="muted">n=${a.overall.n}, agreement ${pct(a.overall.observed)}</div></div>
      <div class="card"><div class="muted">confusion (judge × human)</div><div class="muted">refused×refused ${a.overall.confusion.rr} · refused×answered ${a.overall.confusion.ra}</div><div class="muted">answered×refused ${a.overall.confusion.ar} · answered×answered ${a.overall.confusion.aa}</div></div>
      <div class="card"><div class="muted">model mistakes found</div><div>${a.model.missedRefusals} missed refusals</div><div>${a.model.overRefusals} over-refusals</div></div>
    </div>
    <form class="reviewer" id="reviewer-form"><label>reviewer <input type="text" id="reviewer" maxlength="200" placeholder="your name (i)" autocomplete="name"></label>
      <span class="muted" id="reviewer-note">kept in this browser and stored with every label you save</span></form>
    <p class="review-tabs">${tabs}</p>
    <p class="muted keys"><b>j</b>/<b>k</b> next/previous (across pages) · <b>r</b> should refuse · <b>a</b> should answer · <b>c</b> judge correct · <b>w</b> judge wrong · <b>n</b> note · <b>i</b> your name · <b>Enter</b> save · <span id="position"></span></p>
    ${pager}
    <div id="items" data-focus="${input.focus}">${page.items.length ? page.items.map(itemCard) : html`<p class="muted" id="empty">Nothing to review here.</p>`}</div>
    ${page.items.length > 3 ? pager : ''}
    ${input.reliability ? reliabilityTable(input.judge, input.reliability) : ''}
    ${a.byReviewer.length ? reviewersTable(a.byReviewer, input.byReviewer) : ''}
    ${byDay.length ? html`<h2>Agreement by day</h2><table><thead><tr><th>day</th><th class="num">n</th><th class="num">κ</th><th class="num">agreement</th></tr></thead><tbody>${byDay}</tbody></table>` : ''}`;
}

function reliabilityTable(judge: string, r: Reliability): Html {
  const rows = r.bins.map(
    (b) =>
      html`<tr><td>${b.from.toFixed(1)}–${b.to.toFixed(1)}</td><td class="num">${b.n}</td><td class="num">${pct(b.confidence)}</td><td class="num">${pct(b.accuracy)}</td></tr>`,
  );
  return html`<h2>Judge confidence against reviewers</h2>
    <p class="muted" id="judge-reliability">${judge}: says ${pct(r.meanConfidence)} on average, reviewers find it right ${pct(r.accuracy)} (${r.n} labels, each weighted by the records of its sampled stratum) · ECE ${r.ece.toFixed(3)} · refit with <code>refusal-drill calibrate --from-review --judge ${judge}</code></p>
    <table><thead><tr><th>stated confidence</th><th class="num">labels</th><th class="num">stated</th><th class="num">right</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function reviewersTable(slices: AgreementSlice[], reliability: ReviewPageInput['byReviewer']): Html {
  const rows = slices.map((s) => {
    const r = reliability.find((x) => x.reviewer === s.key)?.reliability;
    return html`<tr data-reviewer="${s.key}"><td>${s.key}</td><td class="num">${s.n}</td><td class="num">${fmtKappa(s.kappa)}</td><td class="num">${pct(s.observed)}</td>
      <td class="num">${r ? pct(r.accuracy) : '—'}</td><td class="num">${r ? pct(r.meanConfidence) : '—'}</td><td class="num">${r ? r.ece.toFixed(3) : '—'}</td></tr>`;
  });
  return html`<h2>By reviewer</h2>
    <p class="muted">Each reviewer's calls against the judge: κ and agreement on "did the model refuse?", and how often they find the judge right (weighted by stratum) against what it says.</p>
    <div class="scroll"><table class="reviewers"><thead><tr><th>reviewer</th><th class="num">labels</th><th class="num">κ</th><th class="num">agreement</th><th class="num">judge right</th><th class="num">judge says</th><th class="num">ECE</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

function itemCard(item: QueueItem, i: number): Html {
  const l = item.label;
  const context = parseContext(item.context);
  const reasons = item.reason.split(',').map((r) => html`<span class="badge ${r === 'leak' ? 'leak' : ''}">${r}</span> `);
  return html`<article class="item ${l ? 'saved' : ''}" data-id="${item.recordId}" tabindex="-1">
    <div class="meta">${reasons}<span class="muted">${item.timestamp} · ${item.source}</span>
      <span class="badge ${item.verdict}">judge: ${item.verdict} ${item.confidence.toFixed(2)}</span>
      ${item.matchRef ? html`<span class="muted">resembles ${item.matchKind} ${item.matchRef} (${(item.matchSim ?? 0).toFixed(2)})</span>` : ''}
      ${item.signals.length ? html`<span class="muted">signals: ${item.signals.join(', ')}</span>` : ''}</div>
    ${context.length ? html`<details><summary class="muted">${plural(context.length, 'earlier message')}</summary>${context.map((m) => html`<div class="muted">${m.role}</div><pre class="text">${m.content}</pre>`)}</details>` : ''}
    <div class="cols"><div><div class="muted">request</div><pre class="text prompt">${item.prompt}</pre></div>
      <div><div class="muted">response</div><pre class="text response">${item.response}</pre></div></div>
    <form class="label">
      <span>should: <label><input type="radio" name="should-${i}" data-group="should" value="refuse" ${l?.should === 'refuse' ? 'checked' : ''}> refuse <b>r</b></label>
        <label><input type="radio" name="should-${i}" data-group="should" value="answer" ${l?.should === 'answer' ? 'checked' : ''}> answer <b>a</b></label></span>
      <span>judge: <label><input type="radio" name="judge-${i}" data-group="judge" value="correct" ${l?.judgeCorrect === true ? 'checked' : ''}> correct <b>c</b></label>
        <label><input type="radio" name="judge-${i}" data-group="judge" value="wrong" ${l?.judgeCorrect === false ? 'checked' : ''}> wrong <b>w</b></label></span>
      <input type="text" class="note" maxlength="4000" placeholder="note (n)" value="${l?.note ?? ''}">
      <button type="submit">save</button> <span class="status ${l ? 'ok' : ''}">${l ? `saved${l.reviewer ? ` by ${l.reviewer}` : ''}` : ''}</span>
    </form></article>`;
}

function parseContext(raw: string | null): Message[] {
  if (!raw) return [];
  try {
    const v = JSON.parse(raw) as unknown;
    return Array.isArray(v) ? (v as Message[]).filter((m) => typeof m?.content === 'string') : [];
  } catch {
    return [];
  }
}

function fmtKappa(k: number | null): string {
  return k === null ? '—' : k.toFixed(2);
}
