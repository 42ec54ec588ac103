import { html, type Html } from './html.js';

export interface Series {
  label: string;
  color: string;
  values: Array<number | null>;
  /** The baseline's rate and, per window, the band a window of that size stays in when nothing changed. */
  baseline?: { value: number; lo: Array<number | null>; hi: Array<number | null> };
}

/** An incident drawn over the series it concerns: a shaded span and a marked start. */
export interface ChartIncident {
  id: number;
  series: string;
  /** x positions (window indices) of its first and last window in view. */
  from: number;
  to: number;
  label: string;
  open: boolean;
}

export interface ChartOptions {
  title: string;
  /** One label per x position (window start). */
  labels: string[];
  series: Series[];
  /** Fixed top of the y axis (1 for rates); otherwise the data's maximum. */
  yMax?: number;
  format: (v: number) => string;
  incidents?: ChartIncident[];
}

const W = 900;
const H = 220;
const PAD = { l: 52, r: 14, t: 26, b: 28 };
/** Room per x label, in SVG units, so labels never overlap (they cannot wrap: they are SVG text). */
const LABEL_ROOM = 92;

/**
 * A server-drawn SVG line chart; gaps (null) break the line rather than drawing through zero. Each
 * series may carry its baseline band (drawn behind it, in its colour) and incidents are drawn on
 * the series they concern, so a step reads against what it stepped from.
 */
export function lineChart(o: ChartOptions): Html {
  const n = o.labels.length;
  const seen = o.series.flatMap((s) => [...s.values, ...(s.baseline?.hi ?? [])].filter((v): v is number => v !== null));
  const max = o.yMax ?? Math.max(1e-9, ...seen);
  const x = (i: number): number => PAD.l + (n <= 1 ? (W - PAD.l - PAD.r) / 2 : (i * (W - PAD.l - PAD.r)) / (n - 1));
  const y = (v: number): number => PAD.t + (1 - Math.min(v, max) / max) * (H - PAD.t - PAD.b);
  const f = (v: number): string => v.toFixed(1);
  const bands = o.series.map((s) => (s.baseline ? band(s, x, y) : ''));
  const paths = o.series.map((s) => {
    let d = '';
    let pen = false;
    s.values.forEach((v, i) => {
      if (v === null) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${f(x(i))},${f(y(v))}`;
      pen = true;
    });
    const dots = s.values.map((v, i) =>
      v === null
        ? ''
        : html`<circle cx="${f(x(i))}" cy="${f(y(v))}" r="2.2" fill="${s.color}"><title>${s.label} ${o.labels[i]}: ${o.format(v)}</title></circle>`,
    );
    return html`<path class="series" data-series="${s.label}" d="${d}" fill="none" stroke="${s.color}" stroke-width="1.7"></path>${dots}`;
  });
  const ticks = [0, 0.5, 1].map(
    (t) =>
      html`<line x1="${PAD.l}" x2="${W - PAD.r}" y1="${f(y(max * t))}" y2="${f(y(max * t))}" stroke="currentColor" stroke-opacity="0.12"></line><text x="${PAD.l - 4}" y="${f(y(max * t) + 3)}" text-anchor="end">${o.format(max * t)}</text>`,
  );
  const every = Math.max(1, Math.ceil(n / Math.floor((W - PAD.l - PAD.r) / LABEL_ROOM)));
  const xlabels = o.labels.map((l, i) =>
    i % every === 0 ? html`<text class="x-label" x="${f(x(i))}" y="${H - 8}" text-anchor="middle">${l}</text>` : '',
  );
  const marks = (o.incidents ?? []).map((inc) => incidentMark(inc, o, x, y));
  let lx = PAD.l;
  const legend = o.series.map((s) => {
    const at = lx;
    lx += 24 + s.label.length * 6.2;
    return html`<text class="legend" x="${f(at)}" y="15"><tspan fill="${s.color}">■</tspan> ${s.label}</text>`;
  });
  const note = o.series.some((s) => s.baseline)
    ? html`<text class="legend" x="${W - PAD.r}" y="15" text-anchor="end">shaded: baseline band</text>`
    : '';
  return html`<svg class="chart" role="img" aria-label="${o.title}" data-title="${o.title}" viewBox="0 0 ${W} ${H}" width="100%" preserveAspectRatio="xMidYMid meet">${legend}${note}${ticks}${bands}${marks}${paths}${xlabels}</svg>`;
}

function band(s: Series, x: (i: number) => number, y: (v: number) => number): Html {
  const b = s.baseline as NonNullable<Series['baseline']>;
  // One polygon per run of windows that have a band (a window without records has none).
  const runs: number[][] = [];
  let run: number[] = [];
  b.lo.forEach((lo, i) => {
    if (lo === null || b.hi[i] === null) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push(i);
  });
  if (run.length) runs.push(run);
  const polys = runs.map((r) => {
    // A lone window gets a sliver of width so it shows.
    const xs = r.length === 1 ? [x(r[0] as number) - 3, x(r[0] as number) + 3] : r.map(x);
    const idx = r.length === 1 ? [r[0] as number, r[0] as number] : r;
    const top = idx.map((i, k) => `${(xs[k] as number).toFixed(1)},${y(b.hi[i] as number).toFixed(1)}`);
    const bottom = idx.map((i, k) => `${(xs[k] as number).toFixed(1)},${y(b.lo[i] as number).toFixed(1)}`).reverse();
    return html`<polygon class="baseline-band" data-series="${s.label}" points="${[...top, ...bottom].join(' ')}" fill="${s.color}" fill-opacity="0.13"></polygon>`;
  });
  const first = x(runs[0]?.[0] ?? 0);
  const last = x(runs.at(-1)?.at(-1) ?? 0);
  return html`${polys}<line class="baseline" data-series="${s.label}" x1="${first.toFixed(1)}" x2="${last.toFixed(1)}" y1="${y(b.value).toFixed(1)}" y2="${y(b.value).toFixed(1)}" stroke="${s.color}" stroke-opacity="0.7" stroke-dasharray="4 3"><title>${s.label} baseline</title></line>`;
}

function incidentMark(inc: ChartIncident, o: ChartOptions, x: (i: number) => number, y: (v: number) => number): Html {
  const s = o.series.find((v) => v.label === inc.series);
  if (!s) return html``;
  const left = x(inc.from) - 3;
  const right = x(inc.to) + 3;
  const v = s.values[inc.from];
  const dot =
    v === null || v === undefined
      ? ''
      : html`<circle class="incident-start" cx="${x(inc.from).toFixed(1)}" cy="${y(v).toFixed(1)}" r="5" fill="none" stroke="${s.color}" stroke-width="2"></circle>`;
  return html`<g class="incident-mark" data-incident="${inc.id}" data-series="${inc.series}"><rect x="${left.toFixed(1)}" y="${PAD.t}" width="${Math.max(6, right - left).toFixed(1)}" height="${H - PAD.t - PAD.b}" fill="${s.color}" fill-opacity="0.07" stroke="${s.color}" stroke-opacity="0.5" stroke-dasharray="${inc.open ? '' : '2 2'}"></rect><text class="incident-label" x="${(left + 3).toFixed(1)}" y="${PAD.t + 11}" fill="${s.color}">${inc.label}</text>${dot}<title>incident #${inc.id}: ${inc.label}</title></g>`;
}
