import { jsonForHtml } from '../util/index.js';
import { gateOf, type ReportInput } from './report-input.js';

/** scorecard.json (docs/scorecard.md): the scorecard with its gate. `<`, `>` and `&` are \u-escaped so the file never parses as markup. */
export function renderJson(input: ReportInput): string {
  return `${jsonForHtml({ ...input.scorecard, gate: gateOf(input) }, 2)}\n`;
}
