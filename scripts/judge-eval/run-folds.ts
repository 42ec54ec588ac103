/** Trains each fold's model and judges its held-out rows with our three offline judges. */
import { createCascadeJudge } from '../../src/judges/cascade-judge.js';
import { createModelJudge } from '../../src/judges/model/model-judge.js';
import { createRulesJudge } from '../../src/judges/rules/rules-judge.js';
import type { Judge } from '../../src/spec/index.js';
import { trainCalibrated } from '../judge-folds.js';
import type { Fold } from './protocol.js';
import type { Judged } from './score.js';

export const OURS = ['rules', 'model', 'cascade'] as const;
export type Ours = (typeof OURS)[number];

export async function runFolds(folds: readonly Fold[], onFold: (f: Fold, temperature: number) => void): Promise<Record<Ours, Judged[]>> {
  const out: Record<Ours, Judged[]> = { rules: [], model: [], cascade: [] };
  for (const f of folds) {
    const model = trainCalibrated(f.train);
    const judges: Record<Ours, Judge> = {
      rules: createRulesJudge(),
      model: createModelJudge(model),
      cascade: createCascadeJudge({ model }),
    };
    for (const name of OURS) {
      for (const row of f.test) {
        const j = await judges[name].judge({
          prompt: row.prompt,
          response: row.response,
          ...(row.messages ? { messages: row.messages } : {}),
        });
        out[name].push({ row, verdict: j.verdict, confidence: j.confidence, ...(j.signals ? { signals: j.signals } : {}) });
      }
    }
    onFold(f, model.temperature);
  }
  return out;
}
