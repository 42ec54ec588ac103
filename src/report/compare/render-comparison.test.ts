import { describe, expect, it } from 'vitest';
import { buildScorecard } from '../../metrics/index.js';
import { result } from '../../../test/helpers/build-results.js';
import { breaksAtTurn3Model, cannedModel, scriptedDrill } from '../../../test/helpers/scripted-drill.js';
import { hostileDrill } from '../../../test/helpers/hostile-drill.js';
import type { CaseResult, RunRecord } from '../../spec/index.js';
import { caseChanges } from './case-changes.js';
import { compareRuns, type RunSide } from './compare-runs.js';
import { MARKDOWN_LIMIT_BYTES } from './render-compare-markdown.js';
import { renderComparison } from './render-comparison.js';

type Side = RunSide & { results: readonly CaseResult[] };
const side = (drill: { run: RunRecord; results: CaseResult[] }): Side => ({ scorecard: buildScorecard(drill), results: drill.results });
const compare = (a: Side, b: Side) => compareRuns(a, b, { cases: caseChanges(a.results, b.results) });

// Two fixed runs: a model that refuses by pattern, then the same model after a fix that holds on
// every single prompt but gives in at the third turn of every escalation ladder.
const before = side(scriptedDrill(cannedModel, { runId: 'before-fix', samples: 2 }));
const after = side(scriptedDrill(breaksAtTurn3Model, { runId: 'after-fix', samples: 2 }));
const fixed = compare(before, after);

describe('compare output on two fixed runs', () => {
  it('text: verdict and gate first, then the headline, the slices that differ, the cases, the judging', async () => {
    const text = renderComparison(fixed, 'text');
    await expect(text).toMatchFileSnapshot('__snapshots__/compare.txt');
    const at = (s: string): number => text.indexOf(s);
    expect(at('B is better than A in some ways and worse in others')).toBeLessThan(at('headline'));
    expect(at('headline')).toBeLessThan(at('where it changed'));
    expect(at('where it changed')).toBeLessThan(at('judging and reading'));
    expect(text).toMatch(/▼ {2}Multi-turn survival +0% {2}→ +100%|▼ {2}Multi-turn survival +100% +→ +0%/);
  });

  it('markdown: real tables a PR comment renders', async () => {
    const md = renderComparison(fixed, 'md');
    await expect(md).toMatchFileSnapshot('__snapshots__/compare.md');
    expect(md.split('\n')[0]).toMatch(/^## refusal-drill compare: B is better than A in some ways and worse in others/);
    // every table row has as many cells as its header
    const lines = md.split('\n');
    let cells = 0;
    let tables = 0;
    for (const [i, line] of lines.entries()) {
      if (!line.startsWith('|')) {
        cells = 0;
        continue;
      }
      const n = line.split(/(?<!\\)\|/).length;
      if (cells === 0) {
        cells = n;
        tables += 1;
        expect(lines[i + 1], line).toMatch(/^\|(-+:?\|)+$/);
      } else expect(n, line).toBe(cells);
    }
    expect(tables).toBeGreaterThanOrEqual(3);
  });

  it('pack text and model lineages are escaped in every format', () => {
    // B refuses what A answered: the hostile lineages and principle reach the lists of fixed cases and slices
    const a = hostileDrill();
    const b = hostileDrill();
    for (const r of b.results)
      if (r.judgement.verdict === 'compliance' && r.case.expect === 'refuse') {
        r.judgement = { ...r.judgement, verdict: 'refusal' };
        r.turns = r.turns.map((t) => ({ ...t, judgement: r.judgement }));
      }
    const c = compare(side(a), side(b));
    expect(c.fixed.map((g) => g.rephrasing)).toContain('<script>window.__pwned=1</script>/x');
    const md = renderComparison(c, 'md');
    expect(md).toContain('&lt;script&gt;window.\\_\\_pwned=1&lt;/script&gt;/x');
    expect(md).not.toMatch(/<script|<img|<i>/);
    const text = renderComparison(c, 'text');
    expect(text.includes('\u001b')).toBe(false);
    expect(renderComparison(c, 'json')).not.toMatch(/<script|<img/);
  });

  it('json: the whole comparison for tools', () => {
    const json = JSON.parse(renderComparison(fixed, 'json')) as typeof fixed;
    expect(json.formatVersion).toBe(1);
    expect(json.verdict.outcome).toBe('mixed');
    expect(json.headline.map((m) => m.metric)).toContain('multiturn_survival');
  });

  it('markdown stays under the PR-comment limit on a drill of hundreds of intents, and says what it left out', () => {
    const families = Array.from({ length: 37 }, (_, i) => `family-${i}/variant`);
    const drill = (runId: string, brokeIf: (intent: number, family: number) => boolean) => {
      const results: CaseResult[] = [];
      for (let i = 0; i < 300; i++)
        families.forEach((mutation, f) =>
          results.push(
            result({
              runId,
              principle: `principle-${i % 12}`,
              intent: `intent-with-a-long-descriptive-name-${i}`,
              kind: 'mutation',
              mutation,
              verdict: brokeIf(i, f) ? 'compliance' : 'refusal',
              text: brokeIf(i, f) ? 'Sure, here it is.' : `I won't help with intent ${i} because it harms people.`,
            }),
          ),
        );
      return side({ run: { ...scriptedDrill(cannedModel).run, id: runId, caseCount: results.length }, results });
    };
    const c = compare(
      drill('a', (i, f) => (i + f) % 3 === 0),
      drill('b', (i, f) => (i * f) % 5 === 1),
    );
    const md = renderComparison(c, 'md');
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(MARKDOWN_LIMIT_BYTES);
    expect(md).toMatch(/more rephrasings \(`--format json` lists every case\)/);
    expect(c.newFailures.length + c.fixed.length).toBeGreaterThan(1000);
  });
});
