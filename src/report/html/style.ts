export const STYLE = `
:root { --bad: #b3261e; --good: #1e7b34; --muted: #5f6368; --line: #dadce0; --bg: #fff; --soft: #f6f8fa; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1280px; padding: 16px 24px 64px; color: #202124; background: var(--bg); }
h1 { font-size: 22px; margin: 8px 0; } h2 { font-size: 18px; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; } h2 small { color: var(--muted); font-weight: normal; font-size: 13px; }
nav a { margin-right: 12px; color: #1a5fb4; text-decoration: none; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; } th { background: var(--soft); font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.fail td { background: #fdecea; } tr.fail .mark { color: var(--bad); font-weight: bold; } tr.pass .mark { color: var(--good); } tr.skipped { color: var(--muted); }
.badge { display: inline-block; border-radius: 10px; padding: 1px 10px; font-size: 12px; font-weight: 600; vertical-align: middle; background: #e8eaed; }
.badge.pass { background: #e6f4ea; color: var(--good); } .badge.fail { background: #fce8e6; color: var(--bad); }
.bad { color: var(--bad); } .note { color: var(--muted); }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; background: var(--soft); padding: 0 3px; border-radius: 3px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(540px, 1fr)); gap: 16px; }
.chart { max-width: 100%; height: auto; } .chart .axis { font-size: 11px; fill: var(--muted); } .chart .label { font-size: 11px; fill: #202124; }
.chart .grid { stroke: var(--line); stroke-width: 1; } .chart .line { stroke: #1a5fb4; stroke-width: 2.5; } .chart .point { fill: #1a5fb4; } .chart .whisker { stroke: #1a5fb4; stroke-width: 1.5; opacity: .6; } .chart .leader { stroke: var(--muted); stroke-width: .6; }
.chart .bar.refusal { fill: #c5221f; } .chart .bar.answer { fill: #1a73e8; } .chart .bar.template { fill: #8e24aa; } .chart .cell { stroke: #fff; }
svg.ci .track { fill: var(--line); } svg.ci .range { fill: #8ab4f8; } svg.ci .est { fill: #1a5fb4; }
ol.templates li { margin-bottom: 12px; } .tpl-key { font: 12px ui-monospace, monospace; color: var(--muted); margin: 2px 0; }
blockquote.response { margin: 4px 0; padding: 6px 10px; border-left: 3px solid var(--line); background: var(--soft); white-space: pre-wrap; word-break: break-word; }
#browser { display: grid; grid-template-columns: 280px 1fr; gap: 16px; align-items: start; }
#browser .side { position: sticky; top: 8px; max-height: 90vh; overflow: auto; border: 1px solid var(--line); border-radius: 6px; padding: 8px; }
#browser .side input[type=search] { width: 100%; padding: 4px 6px; margin-bottom: 6px; } #browser .side label { display: block; }
#intent-list button.intent { display: flex; justify-content: space-between; gap: 8px; width: 100%; text-align: left; border: 0; background: none; padding: 5px 6px; border-radius: 4px; cursor: pointer; font: inherit; }
#intent-list button.intent:hover { background: var(--soft); } #intent-list button.current { background: #e8f0fe; } #intent-list .failing .count { color: var(--bad); font-weight: 600; } #intent-list .count { color: var(--muted); white-space: nowrap; }
#intent-view .columns { display: grid; align-items: start; grid-auto-flow: column; grid-auto-columns: minmax(260px, 1fr); gap: 10px; overflow-x: auto; padding-bottom: 8px; }
article.case { border: 1px solid var(--line); border-radius: 6px; padding: 8px; border-top: 4px solid var(--good); min-width: 0; }
article.case.broke { border-top-color: var(--bad); } article.case.uncertain { outline: 2px dashed #f9ab00; outline-offset: -2px; } article.case.error { border-top-color: #f9ab00; }
article.case header { display: flex; justify-content: space-between; gap: 6px; align-items: center; } article.case .meta, article.case .signals, .turn-no { color: var(--muted); font-size: 12px; margin: 4px 0; }
.msg { white-space: pre-wrap; word-break: break-word; padding: 6px 8px; border-radius: 6px; margin: 4px 0; font-size: 13px; }
.msg.user { background: #e8f0fe; } .msg.assistant { background: var(--soft); } .msg.error { background: #fef7e0; }
.v-held { background: #e6f4ea; color: var(--good); } .v-broke { background: #fce8e6; color: var(--bad); } .v-error { background: #f1f3f4; color: var(--muted); } .v-uncertain { background: #fef7e0; color: #8a6100; margin-left: .3em; }
@media print { #browser .side { display: none; } #browser { display: block; } }
`;
