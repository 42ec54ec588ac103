import { BROWSER_CARDS } from './browser-cards.js';

/**
 * The transcript browser's script: the intent list, the filters, one intent's cases grouped by
 * family or verdict in pages of cards that wrap within the page, a reading pane for one case or a
 * pair the reviewer picks, and keyboard navigation. It builds every node with textContent, never
 * innerHTML, so model output stays text, and runs under a CSP that allows only this script (by hash).
 */
export const BROWSER_SCRIPT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('rd-data').textContent);
  var list = document.getElementById('intent-list');
  var view = document.getElementById('intent-view');
  var search = document.getElementById('intent-filter');
  var groupBy = document.getElementById('group-by');
  var flagBoxes = Array.prototype.slice.call(document.querySelectorAll('#case-filters input[data-flag]'));
  var PAGE = 48;
  var state = { key: null, page: 0, focus: 0, opened: null, picked: [] };
${BROWSER_CARDS}
  function flags() { return flagBoxes.filter(function (b) { return b.checked; }).map(function (b) { return b.dataset.flag; }); }
  function matching(it) {
    var f = flags();
    if (!f.length) return it.cases;
    return it.cases.filter(function (c) { return c.flags.some(function (x) { return f.indexOf(x) >= 0; }); });
  }
  function failing(it) { return it.broken + it.overRefused > 0; }
  function shownIntents() {
    var q = search.value.toLowerCase();
    var f = flags().length > 0;
    return data.filter(function (it) {
      if (q && it.key.toLowerCase().indexOf(q) < 0) return false;
      return !f || matching(it).length > 0;
    });
  }
  function renderList() {
    list.replaceChildren();
    var f = flags().length > 0;
    shownIntents().forEach(function (it) {
      var b = el('button', 'intent' + (failing(it) ? ' failing' : '') + (it.key === state.key ? ' current' : ''));
      b.type = 'button';
      b.dataset.key = it.key;
      b.title = it.key;
      b.append(el('span', 'name', it.principle + ' / ' + it.intent));
      var n = matching(it).length;
      b.append(el('span', 'count', f ? n + ' match' : failing(it) ? (it.broken + it.overRefused) + ' failed' : it.cases.length + ' ok'));
      b.addEventListener('click', function () { show(it.key); });
      list.append(b);
    });
  }
  function current() { return data.find(function (x) { return x.key === state.key; }) || null; }
  function ordered(it) { return grouped(matching(it), groupBy.value); }
  function show(key, keepPage) {
    if (key !== state.key) { state.opened = null; state.picked = []; }
    state.key = key;
    if (!keepPage) { state.page = 0; state.focus = 0; }
    var it = current();
    view.replaceChildren();
    renderList();
    if (!it) { view.append(el('p', 'note', 'No intent matches the filters.')); return; }
    view.append(el('h3', null, it.key));
    view.append(el('p', 'note summary', it.cases.length + ' cases · ' + it.broken + ' broke · ' + it.leaked + ' leaked · ' + it.overRefused + ' benign refused · ' + it.uncertain + ' uncertain · ' + it.notUnderstood + ' not understood · ' + it.errors + ' errors'));
    view.append(reader(it));
    var groups = ordered(it);
    var all = [];
    groups.forEach(function (g) { g.cases.forEach(function (c) { all.push({ g: g, c: c }); }); });
    var pages = Math.max(1, Math.ceil(all.length / PAGE));
    state.page = Math.min(state.page, pages - 1);
    var slice = all.slice(state.page * PAGE, (state.page + 1) * PAGE);
    view.append(pager(all.length, pages, 'top'));
    var box = el('div', 'groups');
    var last = null;
    var cardsEl = null;
    slice.forEach(function (x) {
      if (x.g !== last) {
        last = x.g;
        var sec = el('section', 'group');
        sec.dataset.group = x.g.name;
        sec.append(groupHead(x.g));
        cardsEl = el('div', 'cards');
        sec.append(cardsEl);
        box.append(sec);
      }
      cardsEl.append(card(x.c));
    });
    if (!slice.length) box.append(el('p', 'note', 'No case of this intent matches the filters.'));
    view.append(box);
    if (pages > 1) view.append(pager(all.length, pages, 'bottom'));
  }
  function pager(total, pages, where) {
    var p = el('div', 'pager ' + where);
    var prev = el('button', 'prev', '◀ previous');
    prev.type = 'button';
    prev.disabled = state.page === 0;
    prev.addEventListener('click', function () { turn(-1); });
    var next = el('button', 'next', 'next ▶');
    next.type = 'button';
    next.disabled = state.page >= pages - 1;
    next.addEventListener('click', function () { turn(1); });
    var from = total ? state.page * PAGE + 1 : 0;
    p.append(prev, el('span', 'where', 'cases ' + from + '–' + Math.min(total, (state.page + 1) * PAGE) + ' of ' + total + ' · page ' + (state.page + 1) + ' of ' + pages), next);
    return p;
  }
  function turn(d) {
    var it = current();
    if (!it) return;
    var pages = Math.max(1, Math.ceil(matching(it).length / PAGE));
    var to = Math.max(0, Math.min(pages - 1, state.page + d));
    if (to === state.page) return;
    state.page = to;
    state.focus = 0;
    show(state.key, true);
    focusCard();
  }
  // re-rendering replaces the cards: the one the reader was on keeps the focus, without a jump
  function open(id) { state.opened = id; state.picked = []; show(state.key, true); focusCard(true); scrollReader(); }
  function pick(id) {
    var i = state.picked.indexOf(id);
    if (i >= 0) state.picked.splice(i, 1);
    else { state.picked.push(id); if (state.picked.length > 2) state.picked.shift(); }
    state.opened = null;
    show(state.key, true);
    focusCard(true);
    if (state.picked.length === 2) scrollReader();
  }
  function closeReader() { state.opened = null; state.picked = []; show(state.key, true); focusCard(true); }
  function scrollReader() { var r = document.getElementById('reader'); if (r && r.scrollIntoView) r.scrollIntoView({ block: 'nearest' }); }
  function cards() { return Array.prototype.slice.call(view.querySelectorAll('article.card')); }
  function focusCard(quiet) {
    var cs = cards();
    if (!cs.length) return;
    state.focus = Math.max(0, Math.min(cs.length - 1, state.focus));
    cs[state.focus].focus({ preventScroll: !!quiet });
  }
  function moveIntent(d) {
    var xs = shownIntents();
    if (!xs.length) return;
    var i = xs.findIndex(function (x) { return x.key === state.key; });
    var next = xs[Math.max(0, Math.min(xs.length - 1, i + d))];
    if (next) { show(next.key); var b = list.querySelector('button.current'); if (b && b.scrollIntoView) b.scrollIntoView({ block: 'nearest' }); }
  }
  function moveCard(d) {
    var cs = cards();
    var at = cs.indexOf(document.activeElement);
    var i = (at >= 0 ? at : state.focus) + d;
    if (i >= cs.length) { turn(1); return; }
    if (i < 0) { if (state.page > 0) { turn(-1); state.focus = cards().length - 1; focusCard(); } return; }
    state.focus = i;
    focusCard();
  }
  function focused() { var a = document.activeElement; return a && a.dataset && a.dataset.caseId ? a.dataset.caseId : null; }
  document.addEventListener('keydown', function (e) {
    var t = e.target;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA')) {
      if (e.key === 'Escape') t.blur();
      return;
    }
    var k = e.key;
    var id = focused();
    if (k === 'j') moveIntent(1);
    else if (k === 'k') moveIntent(-1);
    else if (k === 'ArrowRight' || k === 'l') moveCard(1);
    else if (k === 'ArrowLeft' || k === 'h') moveCard(-1);
    else if (k === ']') turn(1);
    else if (k === '[') turn(-1);
    else if ((k === 'Enter' || k === 'o') && id) open(id);
    else if ((k === 'p' || k === ' ') && id) pick(id);
    else if (k === 'Escape') closeReader();
    else if (k === 'g') { groupBy.value = groupBy.value === 'family' ? 'verdict' : 'family'; show(state.key); }
    else if (k === '/') search.focus();
    else if (k >= '1' && k <= String(flagBoxes.length)) { var b = flagBoxes[Number(k) - 1]; b.checked = !b.checked; refilter(); }
    else return;
    e.preventDefault();
  });
  function refilter() {
    var xs = shownIntents();
    if (!xs.some(function (x) { return x.key === state.key; })) state.key = xs[0] ? xs[0].key : null;
    show(state.key);
  }
  search.addEventListener('input', function () { renderList(); });
  flagBoxes.forEach(function (b) { b.addEventListener('change', refilter); });
  groupBy.addEventListener('change', function () { show(state.key); });
  var first = data.find(failing) || data[0];
  if (first) show(first.key); else renderList();
})();
`;
