import { describe, expect, it } from 'vitest';
import { makeCase } from '../../test/helpers/fixtures.js';
import { rephrasingLabel } from './rephrasing-label.js';

describe('rephrasingLabel', () => {
  it('names which authored variant or twin, and the lineage of everything else', () => {
    expect(rephrasingLabel(makeCase('p/pr/in/variant/2#1', { kind: 'variant', mutation: 'authored' }))).toBe('variant 2');
    expect(rephrasingLabel(makeCase('p/pr/in/twin/kill-process', { kind: 'twin', mutation: 'benign' }))).toBe('twin kill-process');
    expect(rephrasingLabel(makeCase('p/pr/twins/3#0', { kind: 'twin', mutation: 'benign', intentId: null }))).toBe('twin 3');
    expect(rephrasingLabel(makeCase('p/pr/in/mutation/fiction/nested#2', { kind: 'mutation', mutation: 'fiction/nested' }))).toBe(
      'fiction/nested',
    );
    expect(rephrasingLabel(makeCase('p/pr/in/prompt#0'))).toBe('canonical');
    expect(rephrasingLabel(makeCase('odd-id', { kind: 'variant', mutation: 'authored' }))).toBe('authored');
  });
});
