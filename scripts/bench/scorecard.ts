/**
 * Scorecard and report costs on a drill the size of the run bench (≈5,000 results): 46 copies of
 * the scripted drill under different packs, half of them with per-copy wording so template
 * clustering has thousands of distinct texts. BENCH_SCORECARD_COPIES sets the size.
 */
import { evaluateGate, loadGatePolicy } from '../../src/metrics/gate.js';
import { buildScorecard } from '../../src/metrics/scorecard.js';
import { breaksAtTurn3Model, cannedModel, principledModel, scriptedDrill } from '../../test/helpers/scripted-drill.js';
import { renderReport, REPORT_FORMATS } from '../../src/report/render.js';
import type { CaseResult } from '../../src/spec/index.js';

function drill(copies: number): { run: ReturnType<typeof scriptedDrill>['run']; results: CaseResult[] } {
  const models = [principledModel, cannedModel, breaksAtTurn3Model];
  const results: CaseResult[] = [];
  for (let i = 0; i < copies; i++) {
    const d = scriptedDrill(models[i % models.length] ?? principledModel, { runId: 'bench' });
    for (const r of d.results) {
      const pack = `pack${i}`;
      const vary = (t: string): string => (i % 2 ? `${t} (note ${i})` : t);
      const turns = r.turns.map((t) => (t.response ? { ...t, response: { ...t.response, text: vary(t.response.text) } } : t));
      results.push({ ...r, caseId: `${pack}/${r.caseId}`, case: { ...r.case, id: `${pack}/${r.case.id}`, packId: pack }, turns });
    }
  }
  return {
    run: {
      ...scriptedDrill(principledModel, { runId: 'bench' }).run,
      packs: Array.from({ length: copies }, (_, i) => `pack${i}`),
      caseCount: results.length,
    },
    results,
  };
}

function timed<T>(fn: () => T, repeat = 3): { ms: number; value: T } {
  let best = Infinity;
  let value = fn();
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    value = fn();
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, value };
}

export async function bench(): Promise<Record<string, string | number>> {
  const d = drill(Number(process.env['BENCH_SCORECARD_COPIES'] ?? 46));
  const n = d.results.length;
  const card = timed(() => buildScorecard(d));
  const gate = evaluateGate(card.value, loadGatePolicy());
  const out: Record<string, string | number> = {
    results: n,
    'buildScorecard per 1,000 results': `${((card.ms / n) * 1000).toFixed(0)} ms`,
    'buildScorecard total': `${card.ms.toFixed(0)} ms`,
  };
  for (const f of REPORT_FORMATS) {
    const r = timed(() => renderReport(f, { scorecard: card.value, results: d.results, gate }));
    out[`render ${f}`] = `${r.ms.toFixed(0)} ms, ${(r.value.length / 1024).toFixed(0)} KiB (${(r.value.length / n).toFixed(0)} B/result)`;
  }
  return out;
}
