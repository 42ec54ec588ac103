import type { LatencyDetail, SurvivalPoint, RobustnessDetail, ScorecardSlice, TemplateRow } from '../../metrics/index.js';
import { escapeHtml as h } from '../../util/index.js';
import { num, pct, rateColor, svg, text } from './svg.js';

const MAX_ROWS = 80;

/** Width of a label at the charts' 11px font, generously: a label is sized to fit, never cut. */
const CHAR_PX = 6.6;
const SIN50 = Math.sin((50 * Math.PI) / 180);
const COS50 = Math.cos((50 * Math.PI) / 180);

/** Intents × families, weakest family first; each cell's colour is its hold rate. Labels are whole, the margins sized to them. */
export function heatmapSvg(d: RobustnessDetail): string {
  const families = d.families.map((f) => f.family);
  const held = new Map<string, { n: number; held: number }>();
  for (const c of d.cells) {
    const t = held.get(c.intent) ?? { n: 0, held: 0 };
    held.set(c.intent, { n: t.n + c.n, held: t.held + c.held });
  }
  const intents = [...d.intents].sort((a, b) => rate(held.get(a)) - rate(held.get(b)) || a.localeCompare(b)).slice(0, MAX_ROWS);
  // `pack/principle/intent`: the pack is dropped only when every intent shares it
  const onePack = new Set(d.intents.map((i) => i.split('/')[0])).size <= 1;
  const rowLabel = (intent: string): string => (onePack ? intent.split('/').slice(1).join('/') : intent);
  const cell = 22;
  const longest = (xs: string[]): number => Math.max(0, ...xs.map((x) => x.length)) * CHAR_PX;
  const left = Math.max(120, longest(intents.map(rowLabel)) + 16);
  const columnLabel = longest(families);
  const top = Math.max(40, columnLabel * SIN50 + 14);
  const body: string[] = [];
  families.forEach((f, j) => {
    const x = left + j * cell + cell / 2;
    body.push(text(x, top - 6, f, `transform="rotate(-50 ${num(x)} ${num(top - 6)})" class="axis"`));
  });
  const byKey = new Map(d.cells.map((c) => [`${c.intent}\u0000${c.family}`, c]));
  intents.forEach((intent, i) => {
    const y = top + i * cell;
    body.push(text(left - 6, y + cell * 0.68, rowLabel(intent), 'text-anchor="end" class="axis"', intent));
    families.forEach((f, j) => {
      const c = byKey.get(`${intent}\u0000${f}`);
      if (!c) return;
      const r = c.held / c.n;
      body.push(
        `<rect class="cell" x="${left + j * cell}" y="${y}" width="${cell - 2}" height="${cell - 2}" fill="${rateColor(r)}" data-rate="${num(r)}"><title>${h(`${intent} × ${f}: held ${c.held} of ${c.n}`)}</title></rect>`,
      );
    });
  });
  // the last column's label leans right past the grid: the width leaves room for it
  const width = left + Math.max(1, families.length) * cell + Math.max(20, columnLabel * COS50 - cell / 2 + 8);
  const height = top + intents.length * cell + 10;
  const more =
    d.intents.length > intents.length ? `<p class="note">Showing the ${intents.length} weakest of ${d.intents.length} intents.</p>` : '';
  return svg('heatmap-svg', width, height, 'hold rate per intent and mutation family', body.join('')) + more;
}

function rate(t: { n: number; held: number } | undefined): number {
  return t && t.n ? t.held / t.n : 1;
}

const W = 520;
const H = 260;
const PAD = { l: 48, r: 16, t: 16, b: 40 };

function axes(xLabel: string, yLabel: string): string {
  const grid = [0, 0.25, 0.5, 0.75, 1].map((v) => {
    const y = PAD.t + (1 - v) * (H - PAD.t - PAD.b);
    return `<line class="grid" x1="${PAD.l}" x2="${W - PAD.r}" y1="${num(y)}" y2="${num(y)}"/>${text(PAD.l - 6, y + 4, pct(v), 'text-anchor="end" class="axis"')}`;
  });
  return `${grid.join('')}${text((W + PAD.l) / 2, H - 6, xLabel, 'text-anchor="middle" class="axis"')}${text(12, H / 2, yLabel, `transform="rotate(-90 12 ${H / 2})" text-anchor="middle" class="axis"`)}`;
}

/** Kaplan–Meier survival of multi-turn sequences: a drop at turn t is where refusals gave in. */
export function survivalSvg(curve: readonly SurvivalPoint[]): string {
  const turns = curve.length;
  const x = (t: number): number => PAD.l + (t / Math.max(1, turns)) * (W - PAD.l - PAD.r);
  const y = (s: number): number => PAD.t + (1 - s) * (H - PAD.t - PAD.b);
  let d = `M${num(x(0))},${num(y(1))}`;
  const dots: string[] = [];
  for (const p of curve) {
    d += ` H${num(x(p.turn))} V${num(y(p.survival))}`;
    dots.push(
      `<circle class="point" cx="${num(x(p.turn))}" cy="${num(y(p.survival))}" r="4" data-turn="${p.turn}" data-survival="${num(p.survival)}"><title>${h(`turn ${p.turn}: ${pct(p.survival)} holding (${p.broke} of ${p.atRisk} broke)`)}</title></circle>`,
    );
    dots.push(text(x(p.turn), H - PAD.b + 16, String(p.turn), 'text-anchor="middle" class="axis"'));
  }
  return svg(
    'survival-svg',
    W,
    H,
    'share of sequences still refusing after each turn',
    `${axes('turn', 'still holding')}<path class="line" d="${d}" fill="none"/>${dots.join('')}`,
  );
}

/** Median and p90 times of refusals beside answers: a refusal far faster than an answer is a reflex. */
export function latencySvg(d: LatencyDetail): string {
  const rows: Array<[string, number | null, string]> = [
    ['refusal · first token median', d.refusal.ttftMedian, 'refusal'],
    ['answer · first token median', d.compliance.ttftMedian, 'answer'],
    ['refusal · total median', d.refusal.totalMedian, 'refusal'],
    ['answer · total median', d.compliance.totalMedian, 'answer'],
    ['refusal · total p90', d.refusal.totalP90, 'refusal'],
    ['answer · total p90', d.compliance.totalP90, 'answer'],
  ];
  const max = Math.max(1, ...rows.map((r) => r[1] ?? 0));
  const left = 200;
  const body = rows.map(([label, v, cls], i) => {
    const y = 10 + i * 30;
    const w = ((v ?? 0) / max) * (W - left - 80);
    return `${text(left - 8, y + 15, label, 'text-anchor="end" class="axis"')}<rect class="bar ${cls}" x="${left}" y="${y}" width="${num(Math.max(1, w))}" height="20" data-ms="${v === null ? '' : num(v)}"/>${text(left + w + 6, y + 15, v === null ? 'n/a' : `${Math.round(v)} ms`, 'class="axis"')}`;
  });
  return svg('latency-svg', W, 10 + rows.length * 30, 'latency of refusals and answers', body.join(''));
}

/** Over-refusal against hold rate per principle, with 95% intervals: the trade-off a team tunes. */
export function tradeoffSvg(byPrinciple: Record<string, ScorecardSlice>): string {
  const x = (v: number): number => PAD.l + v * (W - PAD.l - PAD.r);
  const y = (v: number): number => PAD.t + (1 - v) * (H - PAD.t - PAD.b);
  const body: string[] = [axes('over-refusal of benign look-alikes →', 'hold rate on harmful cases')];
  for (const v of [0, 0.25, 0.5, 0.75, 1]) body.push(text(x(v), H - PAD.b + 14, pct(v), 'text-anchor="middle" class="axis"'));
  const placed: Array<{ x: number; y: number; w: number }> = [];
  const points = Object.entries(byPrinciple)
    .filter(([, s]) => s.metrics.hold_rate.value !== null)
    .sort(([, a], [, b]) => (a.metrics.over_refusal_rate.value ?? 0) - (b.metrics.over_refusal_rate.value ?? 0));
  for (const [name, s] of points) {
    const hold = s.metrics.hold_rate;
    const over = s.metrics.over_refusal_rate;
    const cx = x(over.value ?? 0);
    const cy = y(hold.value ?? 0);
    if (hold.ci95)
      body.push(`<line class="whisker" x1="${num(cx)}" x2="${num(cx)}" y1="${num(y(hold.ci95[0]))}" y2="${num(y(hold.ci95[1]))}"/>`);
    if (over.ci95)
      body.push(`<line class="whisker" x1="${num(x(over.ci95[0]))}" x2="${num(x(over.ci95[1]))}" y1="${num(cy)}" y2="${num(cy)}"/>`);
    body.push(
      `<circle class="point" cx="${num(cx)}" cy="${num(cy)}" r="5" data-principle="${h(name)}"><title>${h(`${name}: hold ${pct(hold.value ?? 0)}, over-refusal ${over.value === null ? 'n/a' : pct(over.value)}`)}</title></circle>`,
    );
    // labels move down until they no longer overlap one already placed; a long one may run past the plot, never cut
    const label = name;
    const w = label.length * CHAR_PX;
    const lx = cx + 6 + w > W && cx - 6 - w >= 0 ? cx - 6 - w : cx + 6;
    let ly = cy - 8;
    while (placed.some((p) => Math.abs(p.y - ly) < 12 && lx < p.x + p.w && p.x < lx + w)) ly += 12;
    placed.push({ x: lx, y: ly, w });
    body.push(
      `${ly !== cy - 8 ? `<line class="leader" x1="${num(cx)}" y1="${num(cy)}" x2="${num(lx < cx ? lx + w : lx)}" y2="${num(ly - 3)}"/>` : ''}${text(lx, ly, label, 'class="label"', name)}`,
    );
  }
  const right = Math.max(W, ...placed.map((p) => p.x + p.w + 4));
  const bottom = Math.max(H, ...placed.map((p) => p.y + 6));
  return svg('tradeoff-svg', right, bottom, 'over-refusal against hold rate per principle', body.join(''));
}

/** The largest refusal templates by count. */
export function templatesSvg(top: readonly TemplateRow[]): string {
  const rows = top.slice(0, 10);
  const max = Math.max(1, ...rows.map((r) => r.count));
  const left = 40;
  const body = rows.map((r, i) => {
    const y = 6 + i * 26;
    const w = (r.count / max) * (W - left - 80);
    return `${text(left - 8, y + 14, `#${i + 1}`, 'text-anchor="end" class="axis"')}<rect class="bar template" x="${left}" y="${y}" width="${num(Math.max(1, w))}" height="18" data-count="${r.count}"><title>${h(r.key)}</title></rect>${text(left + w + 6, y + 14, `${r.count} (${pct(r.share)})`, 'class="axis"')}`;
  });
  return svg('templates-svg', W, 12 + rows.length * 26, 'refusal templates by count', body.join(''));
}
