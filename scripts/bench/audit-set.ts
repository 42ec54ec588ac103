import { makePlantedSet, type PlantedSet } from '../../test/helpers/audit/planted-corpus.js';

export const BENCH_PROMPTS = 10_000;
export const BENCH_PER_KIND = 300;
export const BENCH_DECOYS = 300;

/** The bench's drill set: 10,000 prompts, 300 planted copies of each kind, 300 near-miss decoys. */
export function benchPlantedSet(seed: number): PlantedSet {
  return makePlantedSet({ prompts: BENCH_PROMPTS, perKind: BENCH_PER_KIND, decoys: BENCH_DECOYS, seed });
}
