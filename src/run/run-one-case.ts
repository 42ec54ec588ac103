import type { CaseResult, DrillCase, RunContext, RunRecord } from '../spec/index.js';
import { runAdaptiveCase } from './run-adaptive-case.js';
import { runCase } from './run-case.js';
import { caseContext } from './run-context.js';
import type { RunTools } from './run-tools.js';

export interface RunOneCaseOptions {
  run: RunRecord;
  tools: RunTools;
  context: RunContext;
  signal?: AbortSignal;
}

/** Runs one case of a run by its kind, the same for the local runner and a team's worker. */
export function runOneCase(c: DrillCase, o: RunOneCaseOptions): Promise<CaseResult> {
  const options = o.run.options;
  const common = { runId: o.run.id, target: o.tools.target, judge: o.tools.judge, context: caseContext(o.context, c), signal: o.signal };
  if (c.kind === 'adaptive')
    return runAdaptiveCase(c, { ...common, attacker: o.tools.attacker, maxTurns: options.adaptiveTurns ?? 8, seed: options.seed });
  return runCase(c, { ...common, temperature: options.temperature, maxTokens: options.maxTokens, seed: options.seed });
}
