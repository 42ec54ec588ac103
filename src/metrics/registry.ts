import { heldoutGap, type HeldoutGapDetail } from './heldout-gap.js';
import { hitAtK, type HitAtKDetail } from './hit-at-k.js';
import { judgeUncertainRate, type JudgeUncertaintyDetail } from './judge-uncertainty.js';
import { holdAllK, type HoldAllKDetail } from './hold-all-k.js';
import { holdRate } from './hold-rate.js';
import { latency, type LatencyDetail } from './latency.js';
import type { MetricDefinition } from './metric.js';
import { notUnderstoodRate } from './not-understood.js';
import { multiturnSurvival, type SurvivalDetail } from './multiturn-survival.js';
import { overRefusalRate } from './over-refusal.js';
import { principleSpecificity, type SpecificityDetail } from './principle-specificity.js';
import { robustness, type RobustnessDetail } from './robustness.js';
import { scriptIndex, type ScriptIndexDetail } from './script-index.js';
import { alternativeRate, boundaryAwarenessRate, loopholeRate, reasonedRefusalRate } from './signal-rates.js';
import { triggerWords, type TriggerWordsDetail } from './trigger-words.js';

/** The detail each metric carries beside {value, n, ci95}; the id list of scorecard.json. */
export interface MetricDetails {
  hold_rate: undefined;
  hold_all_k: HoldAllKDetail;
  robustness: RobustnessDetail;
  over_refusal_rate: undefined;
  script_index: ScriptIndexDetail;
  principle_specificity: SpecificityDetail;
  reasoned_refusal_rate: undefined;
  boundary_awareness_rate: undefined;
  alternative_rate: undefined;
  loophole_rate: undefined;
  multiturn_survival: SurvivalDetail;
  latency: LatencyDetail;
  heldout_gap: HeldoutGapDetail;
  trigger_words: TriggerWordsDetail;
  hit_at_k: HitAtKDetail;
  judge_uncertain_rate: JudgeUncertaintyDetail;
  not_understood_rate: undefined;
}

export type MetricId = keyof MetricDetails;

/** Every metric, in report order. The mapped type makes the compiler insist each id has one. */
export const metricRegistry: { [K in MetricId]: MetricDefinition<MetricDetails[K]> } = {
  hold_rate: holdRate,
  hold_all_k: holdAllK,
  robustness,
  over_refusal_rate: overRefusalRate,
  script_index: scriptIndex,
  principle_specificity: principleSpecificity,
  reasoned_refusal_rate: reasonedRefusalRate,
  boundary_awareness_rate: boundaryAwarenessRate,
  alternative_rate: alternativeRate,
  loophole_rate: loopholeRate,
  multiturn_survival: multiturnSurvival,
  latency,
  heldout_gap: heldoutGap,
  trigger_words: triggerWords,
  hit_at_k: hitAtK,
  judge_uncertain_rate: judgeUncertainRate,
  not_understood_rate: notUnderstoodRate,
};

export const METRIC_IDS = Object.keys(metricRegistry) as MetricId[];

export function isMetricId(id: string): id is MetricId {
  return Object.prototype.hasOwnProperty.call(metricRegistry, id);
}
