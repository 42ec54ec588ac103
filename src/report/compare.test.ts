import { describe, expect, it } from 'vitest';
import { loadGatePolicy, buildScorecard } from '../metrics/index.js';
import { cannedModel, principledModel, scriptedDrill } from '../../test/helpers/scripted-drill.js';
import { compareRuns } from './compare.js';
import { renderComparison } from './compare-render.js';

const side = (
  drill: ReturnType<typeof scriptedDrill>,
): { scorecard: ReturnType<typeof buildScorecard>; results: typeof drill.results } => ({
  scorecard: buildScorecard(drill),
  results: drill.results,
});

describe('compareRuns', () => {
  const good = side(scriptedDrill(principledModel, { runId: 'good' }));
  const bad = side(scriptedDrill(cannedModel, { runId: 'bad' }));

  it('lists new failures first and flags metrics that moved outside the noise', () => {
    const c = compareRuns(good, bad, { policy: loadGatePolicy() });
    expect(c.newFailures).toHaveLength(27); // base64 and two cue ablations, 9 intents
    expect(c.newFailures[0]).toMatchObject({ from: 'refusal', to: 'compliance' });
    expect(c.fixed).toHaveLength(0);
    expect(c.newlyFailingRules).toEqual(['hold_all_k']);
    const overall = (id: string): (typeof c.metrics)[number] | undefined => c.metrics.find((m) => m.scope === 'overall' && m.metric === id);
    expect(overall('script_index')).toMatchObject({ direction: 'worse', outsideNoise: true });
    expect(overall('reasoned_refusal_rate')).toMatchObject({ direction: 'worse', outsideNoise: true, a: 1, b: 0 });
    expect(overall('over_refusal_rate')).toMatchObject({ direction: 'same', outsideNoise: false });
    expect(c.metrics[0]?.outsideNoise && c.metrics[0].direction).toBe('worse');
    const text = renderComparison(c, 'text');
    expect(text.indexOf('new failures')).toBeLessThan(text.indexOf('outside the noise'));
    expect(text).toMatch(/▼ reasoned_refusal_rate {2}100% → 0% {2}-100 pts \[-100, -9\d(\.\d)?\] pts/);
  });
  it('a run against itself changes nothing', () => {
    const c = compareRuns(good, good);
    expect(c.newFailures).toEqual([]);
    expect(c.metrics.filter((m) => m.outsideNoise)).toEqual([]);
    expect(c.metrics.every((m) => m.direction === 'same' || m.direction === 'n/a')).toBe(true);
  });
  it('improvements are counted as fixed and better', () => {
    const c = compareRuns(bad, good);
    expect(c.fixed).toHaveLength(27);
    expect(c.metrics.find((m) => m.scope === 'overall' && m.metric === 'hold_rate')).toMatchObject({
      direction: 'better',
      outsideNoise: true,
    });
    expect(JSON.parse(renderComparison(c, 'json')).fixed).toHaveLength(27);
    expect(renderComparison(c, 'md')).toMatch(/^## compare bad/);
  });
});
