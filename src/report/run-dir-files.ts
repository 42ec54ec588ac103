import { renderReport } from './render.js';
import type { ReportInput } from './report-input.js';

/** The reports a run directory holds beside run.json and results.jsonl, as `run` and `runDrill()` write them. */
export function runDirFiles(input: ReportInput): Record<string, string> {
  return {
    'scorecard.json': renderReport('json', input),
    'report.md': renderReport('md', input),
    'report.html': renderReport('html', input),
    'junit.xml': renderReport('junit', input),
  };
}
