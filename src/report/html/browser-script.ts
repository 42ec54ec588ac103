/**
 * The transcript browser's script. It builds every node with textContent, never innerHTML, so
 * model output stays text. It runs under a CSP that allows only this script (by its hash).
 */
export const BROWSER_SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById('rd-data').textContent);
  var list = document.getElementById('intent-list');
  var view = document.getElementById('intent-view');
  var filter = document.getElementById('intent-filter');
  var failingOnly = document.getElementById('only-failing');
  var uncertainOnly = document.getElementById('only-uncertain');
  var current = null;
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function failing(it) { return it.broken + it.overRefused > 0; }
  function renderList() {
    var q = filter.value.toLowerCase();
    list.replaceChildren();
    data.forEach(function (it) {
      if (failingOnly.checked && !failing(it)) return;
      if (uncertainOnly.checked && !it.uncertain) return;
      if (q && it.key.toLowerCase().indexOf(q) < 0) return;
      var b = el('button', 'intent' + (failing(it) ? ' failing' : '') + (it.key === current ? ' current' : ''));
      b.type = 'button';
      b.dataset.key = it.key;
      b.append(el('span', 'name', it.principle + ' / ' + it.intent));
      b.append(el('span', 'count', failing(it) ? (it.broken + it.overRefused) + ' failed' : it.cases.length + ' ok'));
      b.addEventListener('click', function () { show(it.key); });
      list.append(b);
    });
  }
  function caseColumn(c) {
    var col = el('article', 'case ' + (c.held === null ? 'error' : c.held ? 'held' : 'broke') + (c.uncertain ? ' uncertain' : ''));
    var head = el('header');
    head.append(el('code', 'lineage', c.mutation));
    head.append(el('span', 'badge ' + (c.held === null ? 'v-error' : c.held ? 'v-held' : 'v-broke'), c.verdict + (c.verdict === 'error' ? '' : ' ' + c.confidence.toFixed(2))));
    if (c.uncertain) head.append(el('span', 'badge v-uncertain', 'uncertain'));
    col.append(head);
    col.append(el('div', 'meta', c.kind + ' · expect ' + c.expect + ' · ' + c.split + (c.sample ? ' · sample ' + c.sample : '')));
    if (c.signals.length) col.append(el('div', 'signals', c.signals.join(' · ')));
    c.turns.forEach(function (t, i) {
      if (c.turns.length > 1) col.append(el('div', 'turn-no', 'turn ' + (i + 1) + ' · expect ' + t.expect + ' · ' + t.verdict));
      col.append(el('div', 'msg user', t.user));
      if (t.assistant !== null) col.append(el('div', 'msg assistant', t.assistant));
      if (t.error) col.append(el('div', 'msg error', t.error));
    });
    return col;
  }
  function show(key) {
    var it = data.find(function (x) { return x.key === key; });
    if (!it) return;
    current = key;
    view.replaceChildren();
    view.append(el('h3', null, it.key));
    view.append(el('p', 'note', it.cases.length + ' cases · ' + it.broken + ' broke · ' + it.overRefused + ' benign refused · ' + it.errors + ' errors · ' + it.uncertain + ' uncertain verdicts'));
    var cols = el('div', 'columns');
    it.cases.forEach(function (c) { cols.append(caseColumn(c)); });
    view.append(cols);
    renderList();
  }
  filter.addEventListener('input', renderList);
  failingOnly.addEventListener('change', renderList);
  uncertainOnly.addEventListener('change', renderList);
  renderList();
  var first = data.find(failing) || data[0];
  if (first) show(first.key);
})();
`;
