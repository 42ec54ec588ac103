/**
 * The transcript browser's building blocks, spliced into BROWSER_SCRIPT's scope: grouping, a case's
 * card and its full transcript. Text goes in through textContent only.
 */
export const BROWSER_CARDS = `
  var OUTCOMES = ['broke', 'over-refused', 'not understood', 'error', 'held', 'answered'];
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function rank(c) { return OUTCOMES.indexOf(c.outcome); }
  function byOutcome(a, b) { return rank(a) - rank(b) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) || a.sample - b.sample; }
  function bad(c) { return c.outcome === 'broke' || c.outcome === 'over-refused'; }
  // family groups: the canonical prompt first, then the families that broke most; verdict groups in OUTCOMES order
  function grouped(cases, by) {
    var map = new Map();
    cases.forEach(function (c) {
      var k = by === 'verdict' ? c.outcome : c.family;
      if (!map.has(k)) map.set(k, { name: k, cases: [] });
      map.get(k).cases.push(c);
    });
    var groups = Array.from(map.values());
    groups.forEach(function (g) { g.cases.sort(byOutcome); g.failed = g.cases.filter(bad).length; });
    if (by === 'verdict') return groups.sort(function (a, b) { return OUTCOMES.indexOf(a.name) - OUTCOMES.indexOf(b.name); });
    return groups.sort(function (a, b) {
      return (b.name === 'canonical') - (a.name === 'canonical') || b.failed - a.failed || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    });
  }
  function groupHead(g) {
    var h = el('h4', null, g.name);
    var tally = {};
    g.cases.forEach(function (c) { tally[c.outcome] = (tally[c.outcome] || 0) + 1; });
    var parts = OUTCOMES.filter(function (o) { return tally[o]; }).map(function (o) { return tally[o] + ' ' + o; });
    h.append(el('small', 'tally', g.cases.length + ' case' + (g.cases.length === 1 ? '' : 's') + ': ' + parts.join(', ')));
    return h;
  }
  function badge(c) {
    var cls = c.outcome === 'broke' || c.outcome === 'over-refused' ? 'v-broke' : c.outcome === 'held' || c.outcome === 'answered' ? 'v-held' : 'v-error';
    return el('span', 'badge ' + cls, c.verdict + (c.verdict === 'error' ? '' : ' ' + c.confidence.toFixed(2)));
  }
  function flagBadges(c, into) {
    c.flags.forEach(function (f) {
      if (f === 'broke' || f === 'over-refused') return;
      into.append(el('span', 'badge v-' + f, f.replace('-', ' ')));
    });
  }
  function lastText(c) {
    for (var i = c.turns.length - 1; i >= 0; i--) {
      var t = c.turns[i];
      if (t.assistant !== null) return t.assistant;
      if (t.error) return t.error;
    }
    return '';
  }
  function card(c) {
    var a = el('article', 'card o-' + c.outcome.replace(' ', '-') + (c.uncertain ? ' uncertain' : '') + (state.picked.indexOf(c.id) >= 0 ? ' picked' : '') + (state.opened === c.id ? ' opened' : ''));
    a.tabIndex = 0;
    a.dataset.caseId = c.id;
    a.dataset.family = c.family;
    a.dataset.outcome = c.outcome;
    a.dataset.flags = c.flags.join(' ');
    a.title = c.id;
    var head = el('header');
    head.append(el('code', 'lineage', c.label), badge(c));
    a.append(head);
    var meta = el('div', 'meta', c.outcome + (c.sample ? ' · sample #' + c.sample : '') + ' · ' + c.split);
    flagBadges(c, meta);
    a.append(meta);
    a.append(el('p', 'excerpt', lastText(c)));
    var p = el('button', 'pick', state.picked.indexOf(c.id) >= 0 ? 'picked ✓' : 'pick');
    p.type = 'button';
    p.title = 'pick two cases to read them side by side (p)';
    p.setAttribute('aria-pressed', String(state.picked.indexOf(c.id) >= 0));
    p.addEventListener('click', function (e) { e.stopPropagation(); pick(c.id); });
    a.append(p);
    a.addEventListener('click', function () { open(c.id); });
    a.addEventListener('focus', function () { state.focus = cards().indexOf(a); });
    return a;
  }
  function transcript(c) {
    var col = el('article', 'case ' + (c.held === null ? 'error' : c.held ? 'held' : 'broke') + (c.uncertain ? ' uncertain' : ''));
    col.dataset.caseId = c.id;
    var head = el('header');
    head.append(el('code', 'lineage', c.label));
    var badges = el('span', 'badges');
    badges.append(badge(c));
    if (c.uncertain) badges.append(el('span', 'badge v-uncertain', 'uncertain'));
    head.append(badges);
    col.append(head);
    col.append(el('div', 'meta', c.id + ' · ' + c.kind + ' · expect ' + c.expect + ' · ' + c.split));
    if (c.signals.length) col.append(el('div', 'signals', 'signals: ' + c.signals.join(' · ')));
    (c.context || []).forEach(function (m) {
      col.append(el('div', 'msg context ' + m.role, (m.role === 'system' ? 'system: ' : m.role + ' (prefix): ') + m.content));
    });
    c.turns.forEach(function (t, i) {
      if (c.turns.length > 1) col.append(el('div', 'turn-no', 'turn ' + (i + 1) + ' · expect ' + t.expect + ' · ' + t.verdict));
      col.append(el('div', 'msg user', t.user));
      if (t.assistant !== null) col.append(el('div', 'msg assistant', t.assistant));
      if (t.error) col.append(el('div', 'msg error', t.error));
    });
    return col;
  }
  function reader(it) {
    var ids = state.picked.length === 2 ? state.picked : state.opened ? [state.opened] : [];
    var box = el('div', ids.length === 2 ? 'reader pair' : 'reader');
    box.id = 'reader';
    var shown = ids.map(function (id) { return it.cases.find(function (c) { return c.id === id; }); }).filter(Boolean);
    if (!shown.length) {
      var hint = state.picked.length === 1 ? 'One case picked: pick another (p) to read the two side by side.' : 'Click a case (or Enter) to read it; pick two (p) to read them side by side.';
      box.append(el('p', 'note hint', hint));
      return box;
    }
    var bar = el('div', 'reader-bar');
    bar.append(el('span', null, shown.length === 2 ? 'Side by side' : 'Reading one case'));
    var close = el('button', 'close', 'close (Esc)');
    close.type = 'button';
    close.addEventListener('click', closeReader);
    bar.append(close);
    box.append(bar);
    var cols = el('div', 'columns');
    shown.forEach(function (c) { cols.append(transcript(c)); });
    box.append(cols);
    return box;
  }
`;
