import type { GateResult, Scorecard } from '../metrics/index.js';
import type { CaseResult } from '../spec/index.js';
import { reportCasesOf, type ReportCases } from './report-cases.js';

export interface ReportInput {
  scorecard: Scorecard;
  /** The run's cases, streamed into counts and a bounded set of transcripts (`createReportCases`)… */
  cases?: ReportCases;
  /** …or the results themselves, for a caller holding them (tallied the same way). */
  results?: readonly CaseResult[];
  /** The gate to show; when absent, the scorecard's own (if any). */
  gate?: GateResult;
  /** The contamination audit's HTML section, already rendered and escaped by the audit module. */
  auditHtml?: string;
  /** ANSI colour in the terminal report. */
  color?: boolean;
}

export function gateOf(input: ReportInput): GateResult | null {
  return input.gate ?? input.scorecard.gate;
}

const tallied = new WeakMap<readonly CaseResult[], ReportCases>();

/** The report's cases: given, or tallied once from the results for every format rendered from them. */
export function casesOf(input: ReportInput): ReportCases {
  if (input.cases) return input.cases;
  const results = input.results ?? [];
  let cases = tallied.get(results);
  if (!cases) {
    cases = reportCasesOf(results);
    tallied.set(results, cases);
  }
  return cases;
}
