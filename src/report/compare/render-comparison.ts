import { jsonForHtml } from '../../util/index.js';
import type { Comparison } from './compare-runs.js';
import { renderCompareMarkdown } from './render-compare-markdown.js';
import { renderCompareText } from './render-compare-text.js';

export const COMPARE_FORMATS = ['text', 'md', 'json'] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];

const renderers: Record<CompareFormat, (c: Comparison) => string> = {
  text: renderCompareText,
  md: renderCompareMarkdown,
  // `<`, `>` and `&` escaped: the JSON never parses as markup wherever a tool pastes it
  json: (c) => `${jsonForHtml(c, 2)}\n`,
};

export function renderComparison(c: Comparison, format: CompareFormat): string {
  return renderers[format](c);
}
