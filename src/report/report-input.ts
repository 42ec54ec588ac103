import type { GateResult, Scorecard } from '../metrics/index.js';
import type { CaseResult } from '../spec/index.js';

export interface ReportInput {
  scorecard: Scorecard;
  results: CaseResult[];
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
