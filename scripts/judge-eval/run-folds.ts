/** Trains each fold's model and judges its held-out rows with our three offline judges. */
import { createCascadeJudge } from '../../src/judges/cascade-judge.js';
import { createModelJudge } from '../../src/judges/model/model-judge.js';
import { createRulesJudge } from '../../src/judges/rules/rules-judge.js';
import type { LinearModel } from '../../src/judges/model/linear-model.js';
import type { Judge } from '../../src/spec/index.js';
import { trainCalibrated } from '../judge-folds.js';
import type { Fold, Table } from './protocol.js';
import type { Judged } from './score.js';

export const OURS = ['rules', 'model', 'cascade'] as const;
export type Ours = (typeof OURS)[number];

export type TableJudged = Judged & { table: Table };

export async function runFolds(
  folds: readonly Fold[],
  onFold: (f: Fold, temperature: number) => void,
): Promise<Record<Ours, TableJudged[]>> {
  const out: Record<Ours, TableJudged[]> = { rules: [], model: [], cascade: [] };
  const models = new Map<string, LinearModel>();
  for (const f of folds) {
    const model = models.get(f.trainKey) ?? trainCalibrated(f.train);
    models.set(f.trainKey, model);
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
        out[name].push({ row, table: f.table, verdict: j.verdict, confidence: j.confidence, ...(j.signals ? { signals: j.signals } : {}) });
      }
    }
    onFold(f, model.temperature);
  }
  return out;
}
