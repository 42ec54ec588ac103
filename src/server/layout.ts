import { html, raw, type Html } from './html.js';

const CSS = `
:root { color-scheme: light dark; --fg: #1d1f21; --bg: #fafafa; --muted: #6b7280; --line: #d4d4d8; --accent: #2563eb; --warn: #b45309; --bad: #b91c1c; --ok: #15803d; --card: #fff; }
@media (prefers-color-scheme: dark) { :root { --fg: #e5e7eb; --bg: #111827; --muted: #9ca3af; --line: #374151; --card: #1f2937; --accent: #60a5fa; } }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, sans-serif; color: var(--fg); background: var(--bg); }
header.top { display: flex; gap: 1.2em; align-items: baseline; padding: .6em 1.2em; border-bottom: 1px solid var(--line); background: var(--card); }
header.top a { color: var(--fg); text-decoration: none; } header.top a.here { color: var(--accent); font-weight: 600; }
header.top .brand { font-weight: 700; margin-right: 1em; }
main { padding: 1em 1.2em; max-width: 1200px; }
h1 { font-size: 1.4em; margin: .2em 0 .6em; } h2 { font-size: 1.1em; margin: 1.4em 0 .5em; }
table { border-collapse: collapse; width: 100%; background: var(--card); }
th, td { text-align: left; padding: .3em .6em; border-bottom: 1px solid var(--line); vertical-align: top; }
th { white-space: nowrap; } .scroll { overflow-x: auto; } .scroll td { white-space: nowrap; } .scroll td .wrap { white-space: normal; }
th { font-weight: 600; color: var(--muted); } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.muted { color: var(--muted); } .bad { color: var(--bad); } .ok { color: var(--ok); } .warn { color: var(--warn); }
.cards { display: flex; gap: 1em; flex-wrap: wrap; } .card { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: .7em 1em; min-width: 10em; white-space: nowrap; }
header.top { white-space: nowrap; } label, button { white-space: nowrap; }
.card .big { font-size: 1.6em; font-weight: 700; }
pre.text { white-space: pre-wrap; word-break: break-word; margin: .2em 0; padding: .5em; background: var(--bg); border: 1px solid var(--line); border-radius: 4px; max-height: 16em; overflow: auto; }
.badge { display: inline-block; padding: 0 .5em; border-radius: 9px; font-size: .85em; border: 1px solid var(--line); white-space: nowrap; }
.badge.refusal { color: #2563eb; } .badge.compliance { color: #475569; } .badge.partial { color: var(--warn); } .badge.leak { color: var(--bad); border-color: var(--bad); }
svg.chart { background: var(--card); border: 1px solid var(--line); border-radius: 6px; }
svg.chart text { fill: var(--muted); font-size: 11px; white-space: pre; } svg.chart text.incident-label { font-weight: 700; }
button { font: inherit; }
`;

export interface PageOptions {
  title: string;
  /** Which nav entry is current. */
  here?: 'home' | 'runs' | 'compare' | 'monitor' | 'review';
  nonce?: string;
  script?: string;
  css?: string;
}

const NAV: Array<[PageOptions['here'], string, string]> = [
  ['home', '/', 'Overview'],
  ['runs', '/runs', 'Runs'],
  ['compare', '/compare', 'Compare'],
  ['monitor', '/monitor', 'Monitor'],
  ['review', '/review', 'Review'],
];

/** A whole page: inline CSS, optional inline script under the response's CSP nonce, no external assets. */
export function page(options: PageOptions, body: Html): string {
  const nav = NAV.map(([id, href, label]) => html`<a href="${href}" class="${id === options.here ? 'here' : ''}">${label}</a>`);
  const script = options.script && options.nonce ? html`<script nonce="${options.nonce}">${raw(options.script)}</script>` : '';
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · refusal-drill</title><style>${raw(CSS + (options.css ?? ''))}</style></head>
<body><header class="top"><span class="brand">refusal-drill</span>${nav}</header>
<main>${body}</main>${script}</body></html>`.value;
}
