import type { Judge } from '../spec/index.js';
import { collapsePartial, type PartialAs } from './collapse-partial.js';
import { collapseRebuttal, type RebuttalAs } from './collapse-rebuttal.js';

/** A team's labelling conventions: where partial refusals and refusal-by-rebuttal are counted. */
export interface Conventions {
  partialAs?: PartialAs;
  rebuttalAs?: RebuttalAs;
}

/** The judge with the team's conventions applied to its verdicts (the defaults change nothing). */
export function withConventions(judge: Judge, c: Conventions): Judge {
  return collapsePartial(collapseRebuttal(judge, c.rebuttalAs ?? 'refusal'), c.partialAs ?? 'partial');
}
