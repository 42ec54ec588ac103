import { escapeHtml as h } from '../../util/index.js';

/** Red (0) through amber to green (1): how well something held. */
export function rateColor(rate: number): string {
  const hue = Math.round(Math.max(0, Math.min(1, rate)) * 120);
  return `hsl(${hue} 65% 45%)`;
}

export function num(x: number): string {
  return String(Math.round(x * 10) / 10);
}

/** An SVG text; `tooltip` adds a <title> a browser shows on hover (the full name behind a label). */
export function text(x: number, y: number, content: string, attrs = '', tooltip?: string): string {
  const title = tooltip ? `<title>${h(tooltip)}</title>` : '';
  return `<text x="${num(x)}" y="${num(y)}"${attrs ? ` ${attrs}` : ''}>${title}${h(content)}</text>`;
}

export function svg(id: string, width: number, height: number, label: string, body: string): string {
  return `<svg id="${id}" class="chart" role="img" aria-label="${h(label)}" viewBox="0 0 ${num(width)} ${num(height)}" width="${num(width)}" height="${num(height)}" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;
}

export function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}
