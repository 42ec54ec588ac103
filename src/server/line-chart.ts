import { html, type Html } from './html.js';

export interface Series {
  label: string;
  color: string;
  values: Array<number | null>;
}

export interface ChartOptions {
  title: string;
  /** One label per x position (window start). */
  labels: string[];
  series: Series[];
  /** Fixed top of the y axis (1 for rates); otherwise the data's maximum. */
  yMax?: number;
  format: (v: number) => string;
  /** x positions with an open alert, marked on the axis. */
  marks?: number[];
}

const W = 760;
const H = 200;
const PAD = { l: 48, r: 12, t: 22, b: 26 };

/** A server-drawn SVG line chart; gaps (null) break the line rather than drawing through zero. */
export function lineChart(o: ChartOptions): Html {
  const n = o.labels.length;
  const max = o.yMax ?? Math.max(1e-9, ...o.series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  const x = (i: number): number => PAD.l + (n <= 1 ? (W - PAD.l - PAD.r) / 2 : (i * (W - PAD.l - PAD.r)) / (n - 1));
  const y = (v: number): number => PAD.t + (1 - Math.min(v, max) / max) * (H - PAD.t - PAD.b);
  const paths = o.series.map((s) => {
    let d = '';
    let pen = false;
    s.values.forEach((v, i) => {
      if (v === null) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
      pen = true;
    });
    const dots = s.values.map((v, i) =>
      v === null
        ? ''
        : html`<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="2.2" fill="${s.color}"><title>${s.label} ${o.labels[i]}: ${o.format(v)}</title></circle>`,
    );
    return html`<path class="series" data-series="${s.label}" d="${d}" fill="none" stroke="${s.color}" stroke-width="1.6"></path>${dots}`;
  });
  const ticks = [0, 0.5, 1].map(
    (f) =>
      html`<line x1="${PAD.l}" x2="${W - PAD.r}" y1="${y(max * f)}" y2="${y(max * f)}" stroke="currentColor" stroke-opacity="0.12"></line><text x="${PAD.l - 4}" y="${y(max * f) + 3}" text-anchor="end">${o.format(max * f)}</text>`,
  );
  const every = Math.max(1, Math.ceil(n / 8));
  const xlabels = o.labels.map((l, i) => (i % every === 0 ? html`<text x="${x(i)}" y="${H - 8}" text-anchor="middle">${l}</text>` : ''));
  const marks = (o.marks ?? []).map(
    (i) =>
      html`<path class="alert-mark" d="M${x(i) - 4},${H - PAD.b + 2}L${x(i) + 4},${H - PAD.b + 2}L${x(i)},${H - PAD.b - 6}Z" fill="#b91c1c"><title>alert in ${o.labels[i]}</title></path>`,
  );
  const legend = o.series.map((s, i) => html`<text x="${PAD.l + i * 150}" y="14"><tspan fill="${s.color}">■</tspan> ${s.label}</text>`);
  return html`<svg class="chart" role="img" aria-label="${o.title}" viewBox="0 0 ${W} ${H}" width="100%" preserveAspectRatio="xMidYMid meet">${legend}${ticks}${paths}${xlabels}${marks}</svg>`;
}
