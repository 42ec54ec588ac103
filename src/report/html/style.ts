export const STYLE = `
:root { --bad: #b3261e; --good: #1e7b34; --muted: #5f6368; --line: #dadce0; --bg: #fff; --soft: #f6f8fa; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1280px; padding: 16px 24px 64px; color: #202124; background: var(--bg); }
h1 { font-size: 22px; margin: 8px 0; } h2 { font-size: 18px; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; } h2 small { color: var(--muted); font-weight: normal; font-size: 13px; }
nav a { margin-right: 12px; color: #1a5fb4; text-decoration: none; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: anywhere; } th { background: var(--soft); font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.fail td { background: #fdecea; } tr.fail .mark { color: var(--bad); font-weight: bold; } tr.pass .mark { color: var(--good); } tr.skipped { color: var(--muted); }
.badge { display: inline-block; border-radius: 10px; padding: 1px 10px; font-size: 12px; font-weight: 600; vertical-align: middle; background: #e8eaed; }
.badge.pass { background: #e6f4ea; color: var(--good); } .badge.fail { background: #fce8e6; color: var(--bad); }
.bad { color: var(--bad); } .note { color: var(--muted); }
.notice { border: 1px solid #f0c36d; background: #fef7e0; padding: 8px 12px; border-radius: 6px; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; background: var(--soft); padding: 0 3px; border-radius: 3px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(540px, 100%), 1fr)); gap: 16px; } figure { margin: 0; min-width: 0; }
.chart { max-width: 100%; height: auto; } .chart .axis { font-size: 11px; fill: var(--muted); } .chart .label { font-size: 11px; fill: #202124; }
.chart .grid { stroke: var(--line); stroke-width: 1; } .chart .line { stroke: #1a5fb4; stroke-width: 2.5; } .chart .point { fill: #1a5fb4; } .chart .whisker { stroke: #1a5fb4; stroke-width: 1.5; opacity: .6; } .chart .leader { stroke: var(--muted); stroke-width: .6; }
.chart .bar.refusal { fill: #c5221f; } .chart .bar.answer { fill: #1a73e8; } .chart .bar.template { fill: #8e24aa; } .chart .cell { stroke: #fff; }
svg.ci .track { fill: var(--line); } svg.ci .range { fill: #8ab4f8; } svg.ci .est { fill: #1a5fb4; }
ol.templates li { margin-bottom: 12px; } .tpl-key { font: 12px ui-monospace, monospace; color: var(--muted); margin: 2px 0; }
blockquote.response { margin: 4px 0; padding: 6px 10px; border-left: 3px solid var(--line); background: var(--soft); white-space: pre-wrap; overflow-wrap: anywhere; }
#browser { display: grid; grid-template-columns: 280px minmax(0, 1fr); gap: 16px; align-items: start; }
#browser .side { position: sticky; top: 8px; max-height: 94vh; overflow: auto; border: 1px solid var(--line); border-radius: 6px; padding: 8px; }
#browser .side input[type=search] { width: 100%; padding: 4px 6px; margin-bottom: 6px; } #browser .side label { display: block; }
#case-filters { border: 1px solid var(--line); border-radius: 4px; margin: 0 0 6px; padding: 4px 8px; } #case-filters legend { color: var(--muted); font-size: 12px; }
kbd { font: 11px ui-monospace, monospace; border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 3px; padding: 0 3px; color: var(--muted); }
#case-filters kbd, .group-by kbd { float: right; } .group-by { margin-bottom: 6px; }
#intent-list button.intent { display: flex; justify-content: space-between; gap: 8px; width: 100%; text-align: left; border: 0; background: none; padding: 5px 6px; border-radius: 4px; cursor: pointer; font: inherit; }
#intent-list .name { overflow-wrap: anywhere; min-width: 0; }
#intent-list button.intent:hover { background: var(--soft); } #intent-list button.current { background: #e8f0fe; } #intent-list .failing .count { color: var(--bad); font-weight: 600; } #intent-list .count { color: var(--muted); white-space: nowrap; }
#intent-view { min-width: 0; } #intent-view h3 { overflow-wrap: anywhere; margin: 0 0 4px; }
.pager { display: flex; gap: 12px; align-items: center; margin: 8px 0; } .pager .where { color: var(--muted); }
.group h4 { margin: 14px 0 6px; font-size: 14px; } .group h4 .tally { color: var(--muted); font-weight: normal; margin-left: 8px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(220px, 100%), 1fr)); gap: 8px; }
article.card { border: 1px solid var(--line); border-top: 4px solid var(--good); border-radius: 6px; padding: 6px 8px; min-width: 0; cursor: pointer; background: #fff; display: flex; flex-direction: column; gap: 3px; }
article.card:focus { outline: 2px solid #1a5fb4; outline-offset: 1px; } article.card.opened, article.card.picked { box-shadow: 0 0 0 2px #1a5fb4 inset; }
article.card.o-broke, article.card.o-over-refused { border-top-color: var(--bad); } article.card.o-error, article.card.o-not-understood { border-top-color: #f9ab00; }
article.card.uncertain { outline: 2px dashed #f9ab00; outline-offset: -2px; }
article.card header { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 2px 6px; align-items: baseline; } article.card .meta { color: var(--muted); font-size: 12px; }
article.card .excerpt { margin: 0; font-size: 12.5px; white-space: pre-wrap; overflow-wrap: anywhere; display: -webkit-box; -webkit-line-clamp: 5; -webkit-box-orient: vertical; overflow: hidden; }
article.card button.pick { align-self: flex-start; font: 12px system-ui, sans-serif; border: 1px solid var(--line); border-radius: 4px; background: var(--soft); cursor: pointer; padding: 1px 6px; }
code.lineage { overflow-wrap: anywhere; }
.reader { margin: 6px 0 10px; } .reader .reader-bar { display: flex; justify-content: space-between; align-items: center; font-weight: 600; margin-bottom: 6px; }
.reader .columns { display: grid; grid-template-columns: minmax(0, 1fr); gap: 10px; } .reader.pair .columns { grid-template-columns: repeat(2, minmax(0, 1fr)); }
article.case { border: 1px solid var(--line); border-radius: 6px; padding: 8px; border-top: 4px solid var(--good); min-width: 0; }
article.case.broke { border-top-color: var(--bad); } article.case.uncertain { outline: 2px dashed #f9ab00; outline-offset: -2px; } article.case.error { border-top-color: #f9ab00; }
article.case header { display: flex; justify-content: space-between; gap: 6px; align-items: center; } article.case .meta, article.case .signals, .turn-no { color: var(--muted); font-size: 12px; margin: 4px 0; overflow-wrap: anywhere; }
.msg { white-space: pre-wrap; overflow-wrap: anywhere; padding: 6px 8px; border-radius: 6px; margin: 4px 0; font-size: 13px; }
.msg.user { background: #e8f0fe; } .msg.assistant { background: var(--soft); } .msg.error { background: #fef7e0; } .msg.context { background: #f1f3f4; color: var(--muted, #5f6368); font-style: italic; }
.v-held { background: #e6f4ea; color: var(--good); } .v-broke { background: #fce8e6; color: var(--bad); } .v-error { background: #f1f3f4; color: var(--muted); } .v-uncertain, .v-not-understood { background: #fef7e0; color: #8a6100; margin-left: .3em; } .v-leaked { background: #fce8e6; color: var(--bad); margin-left: .3em; }
@media (max-width: 760px) { #browser { grid-template-columns: minmax(0, 1fr); } #browser .side { position: static; max-height: none; } .reader.pair .columns { grid-template-columns: minmax(0, 1fr); } }
@media print { #browser .side { display: none; } #browser { display: block; } }
`;
