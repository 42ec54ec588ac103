/** The review page's style and keyboard script (see review-page.ts). */
export const REVIEW_CSS = `
article.item { background: var(--card); border: 1px solid var(--line); border-left: 4px solid transparent; border-radius: 6px; padding: .6em .9em; margin: .7em 0; }
article.item.current { border-left-color: var(--accent); box-shadow: 0 0 0 2px color-mix(in srgb, var(--accent) 30%, transparent); }
article.item.saved { opacity: .75; } article.item.current.saved { opacity: 1; }
article.item .cols { display: grid; grid-template-columns: 1fr 1fr; gap: .8em; }
article.item .meta { display: flex; gap: .5em; flex-wrap: wrap; align-items: baseline; }
form.label { display: flex; gap: 1.2em; align-items: center; flex-wrap: wrap; margin-top: .4em; } form.label input.note { flex: 1; min-width: 14em; }
form.reviewer { display: flex; gap: 1em; align-items: baseline; flex-wrap: wrap; margin: .8em 0 0; } form.reviewer input { min-width: 14em; }
form.reviewer.missing input { outline: 2px solid var(--bad); }
.review-tabs a { margin-right: 1em; } .review-tabs a.here { font-weight: 700; }
nav.pager { display: flex; gap: 1.5em; align-items: baseline; margin: .6em 0; white-space: nowrap; }
`;

/**
 * Keyboard review: j/k move (onto the next or previous page past either end), r/a should
 * refuse/answer, c/w judge correct/wrong, n note, i reviewer name, Enter save (then next). The
 * reviewer's name is kept in this browser and sent with every label; nothing is saved without it.
 * Text from records is never put into the DOM by this script; it only reads ids.
 */
export const REVIEW_SCRIPT = `
const items = Array.from(document.querySelectorAll('article.item'));
const pager = document.querySelector('nav.pager');
const before = pager ? Number(pager.dataset.before) : 0;
const total = pager ? Number(pager.dataset.total) : items.length;
const who = document.getElementById('reviewer');
const whoForm = document.getElementById('reviewer-form');
let cur = 0;
const pos = document.getElementById('position');
try { who.value = localStorage.getItem('refusal-drill.reviewer') || ''; } catch (e) {}
who.addEventListener('change', () => { try { localStorage.setItem('refusal-drill.reviewer', who.value.trim()); } catch (e) {} whoForm.classList.toggle('missing', !who.value.trim()); });
whoForm.addEventListener('submit', (e) => { e.preventDefault(); who.dispatchEvent(new Event('change')); who.blur(); });
function go(link, focus) { if (link) location.href = link + '&focus=' + focus; }
function focusItem(i) {
  if (!items.length) return;
  if (i >= items.length && pager && pager.dataset.next) return go(pager.dataset.next, 'first');
  if (i < 0 && pager && pager.dataset.previous) return go(pager.dataset.previous, 'last');
  cur = Math.max(0, Math.min(items.length - 1, i));
  items.forEach((el, j) => el.classList.toggle('current', j === cur));
  items[cur].scrollIntoView({ block: 'nearest' });
  pos.textContent = (before + cur + 1) + ' of ' + total;
}
function pick(group, value) {
  const r = items[cur] && items[cur].querySelector('input[data-group="' + group + '"][value="' + value + '"]');
  if (r) r.checked = true;
}
async function save(item) {
  const status = item.querySelector('.status');
  const should = item.querySelector('input[data-group="should"]:checked');
  const judge = item.querySelector('input[data-group="judge"]:checked');
  const reviewer = who.value.trim();
  if (!reviewer) { whoForm.classList.add('missing'); status.textContent = 'set your name first (press i)'; status.className = 'status bad'; who.focus(); return false; }
  if (!should) { status.textContent = 'press r (should refuse) or a (should answer) first'; status.className = 'status bad'; return false; }
  const body = { recordId: item.dataset.id, should: should.value, judgeCorrect: judge ? judge.value === 'correct' : null, note: item.querySelector('input.note').value, reviewer };
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
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const t = e.target;
  if (t === who) {
    if (e.key === 'Enter' || e.key === 'Escape') { e.preventDefault(); who.dispatchEvent(new Event('change')); who.blur(); }
    return;
  }
  if (t.matches && t.matches('input.note')) {
    if (e.key === 'Escape') t.blur();
    else if (e.key === 'Enter') { e.preventDefault(); t.blur(); if (await save(items[cur])) focusItem(cur + 1); }
    return;
  }
  if (e.key === 'i') { e.preventDefault(); who.focus(); who.select(); return; }
  if (!items.length) return;
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
  if (e.target === whoForm) return;
  e.preventDefault();
  const item = e.target.closest('article.item');
  focusItem(items.indexOf(item));
  if (await save(item)) focusItem(cur + 1);
});
document.addEventListener('click', (e) => {
  const item = e.target.closest && e.target.closest('article.item');
  if (item) focusItem(items.indexOf(item));
});
focusItem(document.getElementById('items').dataset.focus === 'last' ? items.length - 1 : 0);
`;
