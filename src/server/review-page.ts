import type { Message } from '../spec/index.js';
import type { Reliability } from '../judges/index.js';
import type { AgreementReport, QueueItem } from '../review/index.js';
import { html, pct, type Html } from './html.js';

export interface ReviewPageInput {
  items: QueueItem[];
  status: 'pending' | 'labeled' | 'all';
  counts: { total: number; pending: number; labeled: number };
  agreement: AgreementReport;
  /** The dashboard's judge, and its stated confidence against reviewers' calls (weighted by stratum). */
  judge: string;
  reliability: Reliability | null;
}

/** The review queue: one card per record, labelled from the keyboard (see REVIEW_SCRIPT). */
export function reviewPage(input: ReviewPageInput): Html {
  const a = input.agreement;
  const tabs = (['pending', 'labeled', 'all'] as const).map(
    (s) =>
      html`<a href="/review?status=${s}" class="${s === input.status ? 'here' : ''}">${s} (${s === 'all' ? input.counts.total : input.counts[s]})</a> `,
  );
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
    <p class="review-tabs">${tabs}</p>
    <p class="muted keys"><b>j</b>/<b>k</b> next/previous · <b>r</b> should refuse · <b>a</b> should answer · <b>c</b> judge correct · <b>w</b> judge wrong · <b>n</b> note · <b>Enter</b> save · <span id="position"></span></p>
    ${input.items.length ? input.items.map(itemCard) : html`<p class="muted" id="empty">Nothing to review here.</p>`}
    ${input.reliability ? reliabilityTable(input.judge, input.reliability) : ''}
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

function itemCard(item: QueueItem, i: number): Html {
  const l = item.label;
  const context = parseContext(item.context);
  return html`<article class="item ${l ? 'saved' : ''}" data-id="${item.recordId}" tabindex="-1">
    <div class="meta"><span class="badge">${item.reason}</span> <span class="muted">${item.timestamp} · ${item.source}</span>
      <span class="badge ${item.verdict}">judge: ${item.verdict} ${item.confidence.toFixed(2)}</span>
      ${item.matchRef ? html`<span class="muted">resembles ${item.matchKind} ${item.matchRef} (${(item.matchSim ?? 0).toFixed(2)})</span>` : ''}
      ${item.signals.length ? html`<span class="muted">signals: ${item.signals.join(', ')}</span>` : ''}</div>
    ${context.length ? html`<details><summary class="muted">${context.length} earlier message(s)</summary>${context.map((m) => html`<div class="muted">${m.role}</div><pre class="text">${m.content}</pre>`)}</details>` : ''}
    <div class="cols"><div><div class="muted">request</div><pre class="text prompt">${item.prompt}</pre></div>
      <div><div class="muted">response</div><pre class="text response">${item.response}</pre></div></div>
    <form class="label">
      <span>should: <label><input type="radio" name="should-${i}" data-group="should" value="refuse" ${l?.should === 'refuse' ? 'checked' : ''}> refuse <b>r</b></label>
        <label><input type="radio" name="should-${i}" data-group="should" value="answer" ${l?.should === 'answer' ? 'checked' : ''}> answer <b>a</b></label></span>
      <span>judge: <label><input type="radio" name="judge-${i}" data-group="judge" value="correct" ${l?.judgeCorrect === true ? 'checked' : ''}> correct <b>c</b></label>
        <label><input type="radio" name="judge-${i}" data-group="judge" value="wrong" ${l?.judgeCorrect === false ? 'checked' : ''}> wrong <b>w</b></label></span>
      <input type="text" class="note" maxlength="4000" placeholder="note (n)" value="${l?.note ?? ''}">
      <button type="submit">save</button> <span class="status ${l ? 'ok' : ''}">${l ? 'saved' : ''}</span>
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

export const REVIEW_CSS = `
article.item { background: var(--card); border: 1px solid var(--line); border-left: 4px solid transparent; border-radius: 6px; padding: .6em .9em; margin: .7em 0; }
article.item.current { border-left-color: var(--accent); box-shadow: 0 0 0 2px color-mix(in srgb, var(--accent) 30%, transparent); }
article.item.saved { opacity: .75; } article.item.current.saved { opacity: 1; }
article.item .cols { display: grid; grid-template-columns: 1fr 1fr; gap: .8em; }
form.label { display: flex; gap: 1.2em; align-items: center; flex-wrap: wrap; margin-top: .4em; } form.label input.note { flex: 1; min-width: 14em; }
.review-tabs a { margin-right: 1em; } .review-tabs a.here { font-weight: 700; }
`;

/**
 * Keyboard review: j/k move, r/a should refuse/answer, c/w judge correct/wrong, n note, Enter save
 * (then next). Text from records is never put into the DOM by this script; it only reads ids.
 */
export const REVIEW_SCRIPT = `
const items = Array.from(document.querySelectorAll('article.item'));
let cur = 0;
const pos = document.getElementById('position');
function focusItem(i) {
  if (!items.length) return;
  cur = Math.max(0, Math.min(items.length - 1, i));
  items.forEach((el, j) => el.classList.toggle('current', j === cur));
  items[cur].scrollIntoView({ block: 'nearest' });
  pos.textContent = (cur + 1) + ' of ' + items.length;
}
function pick(group, value) {
  const r = items[cur] && items[cur].querySelector('input[data-group="' + group + '"][value="' + value + '"]');
  if (r) r.checked = true;
}
async function save(item) {
  const status = item.querySelector('.status');
  const should = item.querySelector('input[data-group="should"]:checked');
  const judge = item.querySelector('input[data-group="judge"]:checked');
  if (!should) { status.textContent = 'press r (should refuse) or a (should answer) first'; status.className = 'status bad'; return false; }
  const body = { recordId: item.dataset.id, should: should.value, judgeCorrect: judge ? judge.value === 'correct' : null, note: item.querySelector('input.note').value };
  status.textContent = 'saving…'; status.className = 'status muted';
  try {
    const res = await fetch('/api/review/label', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const out = await res.json();
    if (!res.ok) throw new Error(out.error || res.statusText);
    if (!item.classList.contains('saved')) { const p = document.getElementById('pending-count'); p.textContent = String(Math.max(0, Number(p.textContent) - 1)); }
    item.classList.add('saved');
    status.textContent = 'saved'; status.className = 'status ok';
    return true;
  } catch (err) {
    status.textContent = 'not saved: ' + err.message; status.className = 'status bad';
    return false;
  }
}
document.addEventListener('keydown', async (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey || !items.length) return;
  const t = e.target;
  if (t.matches && t.matches('input.note')) {
    if (e.key === 'Escape') t.blur();
    else if (e.key === 'Enter') { e.preventDefault(); t.blur(); if (await save(items[cur])) focusItem(cur + 1); }
    return;
  }
  switch (e.key) {
    case 'j': focusItem(cur + 1); break;
    case 'k': focusItem(cur - 1); break;
    case 'r': pick('should', 'refuse'); break;
    case 'a': pick('should', 'answer'); break;
    case 'c': pick('judge', 'correct'); break;
    case 'w': pick('judge', 'wrong'); break;
    case 'n': e.preventDefault(); items[cur].querySelector('input.note').focus(); break;
    case 'Enter': e.preventDefault(); if (await save(items[cur])) focusItem(cur + 1); break;
    default: return;
  }
});
document.addEventListener('submit', async (e) => {
  e.preventDefault();
  const item = e.target.closest('article.item');
  focusItem(items.indexOf(item));
  if (await save(item)) focusItem(cur + 1);
});
document.addEventListener('click', (e) => {
  const item = e.target.closest && e.target.closest('article.item');
  if (item) focusItem(items.indexOf(item));
});
focusItem(0);
`;
