/**
 * The offline judge's speed: responses judged per CPU-second on one core (this process is
 * single-threaded; CPU time, not wall time, so other load on the machine does not count), over
 * the 2,250 XSTest v2 responses, and the time to load the committed weights.
 * BENCH_JUDGE_PASSES sets the passes over the data (default 8).
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { createJudge } from '../../src/judges/create-judge.js';
import { DEFAULT_WEIGHTS } from '../../src/judges/model/default-model.js';
import { loadWeights } from '../../src/judges/model/weights-file.js';
import type { JudgeInput } from '../../src/spec/index.js';
import { packageRoot } from '../../src/util/package-root.js';
import { loadXstest } from '../judge-data.js';

const PASSES = Number(process.env.BENCH_JUDGE_PASSES ?? 8);
const TARGET_PER_SECOND = 20_000;

function cpuSeconds(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

function perSecond(spec: string, inputs: readonly JudgeInput[]): number {
  const judge = createJudge(spec);
  const run = (): void => {
    for (const input of inputs) {
      const j = judge.judge(input);
      if (j instanceof Promise) throw new Error(`${spec} is not synchronous offline`);
    }
  };
  run(); // warm-up: JIT and the weights load are not part of the per-response cost
  const seconds = cpuSeconds(() => {
    for (let p = 0; p < PASSES; p++) run();
  });
  return Math.round((inputs.length * PASSES) / seconds);
}

export async function bench(): Promise<Record<string, string | number>> {
  const inputs: JudgeInput[] = loadXstest().map((r) => ({ prompt: r.prompt, response: r.response }));
  const file = join(packageRoot(), DEFAULT_WEIGHTS);
  const loads: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    loadWeights(file);
    loads.push(performance.now() - t);
  }
  const figures: Record<string, string | number> = {
    'responses (XSTest v2)': inputs.length,
    'mean response chars': Math.round(inputs.reduce((n, i) => n + i.response.length, 0) / inputs.length),
  };
  for (const spec of ['rules', 'model', 'cascade']) {
    const rate = perSecond(spec, inputs);
    figures[`${spec}: responses/s, 1 core`] = rate;
    figures[`${spec}: µs/response`] = Number((1e6 / rate).toFixed(1));
  }
  figures['weights file MB'] = Number((statSync(file).size / 1e6).toFixed(2));
  figures['weights load ms (first)'] = Number(loads[0]!.toFixed(1));
  figures['weights load ms (median of 5)'] = Number([...loads].sort((a, b) => a - b)[2]!.toFixed(1));
  const cascade = Number(figures['cascade: responses/s, 1 core']);
  figures[`target ≥ ${TARGET_PER_SECOND.toLocaleString('en')}/s (cascade)`] = cascade >= TARGET_PER_SECOND ? 'met' : 'NOT met';
  figures['target load ≤ 100 ms (first)'] = loads[0]! <= 100 ? 'met' : 'NOT met';
  return figures;
}
