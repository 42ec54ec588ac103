import { describe, expect, it } from 'vitest';
import { oneLine, plural } from './escape.js';

describe('oneLine', () => {
  it('cuts long text at the end of a word, never inside one', () => {
    const text = 'refusal holds across rephrasings and escalation until the attacker changes tactics';
    const cut = oneLine(text, 40);
    expect(cut).toBe('refusal holds across rephrasings and…');
    expect(cut.length).toBeLessThanOrEqual(40);
    expect(text.startsWith(cut.slice(0, -1))).toBe(true);
  });

  it('cuts inside a word only when the text has no space near the limit', () => {
    expect(oneLine('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('folds whitespace and drops terminal control sequences', () => {
    expect(oneLine('a\n\tb \u001b[2Jc', 100)).toBe('a b c');
  });
});

describe('plural', () => {
  it('counts in the right number', () => {
    expect([0, 1, 2].map((n) => plural(n, 'case'))).toEqual(['0 cases', '1 case', '2 cases']);
    expect(plural(1, 'IP address', 'IP addresses')).toBe('1 IP address');
    expect(plural(3, 'IP address', 'IP addresses')).toBe('3 IP addresses');
  });
});
