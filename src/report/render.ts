import { renderHtml } from './html/html-report.js';
import { renderJson } from './json-report.js';
import { renderJunit } from './junit-report.js';
import { renderMarkdown } from './markdown-report.js';
import type { ReportInput } from './report-input.js';
import { renderText } from './text-report.js';

export type { ReportInput } from './report-input.js';

/** The report formats; the registry below must name a renderer for each. */
export const REPORT_FORMATS = ['text', 'json', 'md', 'html', 'junit'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const renderers: Record<ReportFormat, (input: ReportInput) => string> = {
  text: renderText,
  json: renderJson,
  md: renderMarkdown,
  html: renderHtml,
  junit: renderJunit,
};

export function isReportFormat(f: string): f is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(f);
}

export function renderReport(format: ReportFormat, input: ReportInput): string {
  return renderers[format](input);
}
