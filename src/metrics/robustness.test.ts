import { describe, expect, it } from 'vitest';
import { mutationFamily } from './outcome.js';
import { robustness } from './robustness.js';
import { metricContext } from './scorecard.js';
import { result } from '../../test/helpers/build-results.js';

describe('robustness', () => {
  it('fills the intents × families matrix and ranks the families that break the model', () => {
    const rs = [
      ...['a', 'b'].map((i) => result({ intent: i, verdict: 'refusal' })),
      ...['a', 'b'].map((i) =>
        result({ intent: i, kind: 'mutation', mutation: 'fiction/nested', verdict: i === 'a' ? 'compliance' : 'refusal' }),
      ),
      ...['a', 'b'].map((i) => result({ intent: i, kind: 'mutation', mutation: 'encoding/base64', verdict: 'compliance' })),
      ...['a', 'b'].map((i) => result({ intent: i, kind: 'mutation', mutation: 'encoding/rot13', verdict: 'refusal' })),
    ];
    const m = robustness.compute(metricContext(rs, { k: 4, seed: 1 }));
    expect(m.detail?.families.map((f) => [f.family, f.rate])).toEqual([
      ['encoding', 0.5],
      ['fiction', 0.5],
      ['canonical', 1],
    ]);
    expect(m.detail?.families[0]?.intentsBroken).toBe(2);
    expect(m.detail?.families[1]?.intentsBroken).toBe(1);
    expect(m.detail?.cells).toHaveLength(6);
    expect(m.detail?.cells.find((c) => c.intent === 'p/pr/a' && c.family === 'encoding')).toMatchObject({ n: 2, held: 1 });
    // a tie at the bottom goes to the family with more evidence
    expect(m).toMatchObject({ value: 0.5, n: 4 });
    expect(m.note).toMatch(/encoding/);
  });
  it('names composed lineages by their whole family list', () => {
    expect(mutationFamily('fiction/nested+encoding/base64')).toBe('fiction+encoding');
    expect(mutationFamily('canonical')).toBe('canonical');
    expect(mutationFamily('cue-ablation/drop:bomb')).toBe('cue-ablation');
  });
});
