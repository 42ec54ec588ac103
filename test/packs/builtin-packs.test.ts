import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseSelection } from '../../src/mutators/selection.js';
import { loadPack } from '../../src/packs/load-pack.js';
import { promptText } from '../../src/run/prompt-text.js';
import { packSchema, type Pack } from '../../src/spec/index.js';

const DIR = join(import.meta.dirname, '..', '..', 'packs');
const FILES = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));
// xstest and do-not-answer are generated from public data sets; the quality bar below is for the packs written for this project.
const WRITTEN = FILES.filter((f) => f !== 'xstest.yaml' && f !== 'do-not-answer.yaml');
const packs: Array<{ file: string; pack: Pack }> = WRITTEN.map((file) => ({ file, pack: loadPack(join(DIR, file)) }));
const principles = packs.flatMap(({ file, pack }) => pack.principles.map((p) => ({ file, p })));

describe('every pack in packs/', () => {
  it.each(FILES)('%s validates against the pack schema and the loader', (file) => {
    expect(() => packSchema.parse(parse(readFileSync(join(DIR, file), 'utf8')))).not.toThrow();
    expect(() => loadPack(join(DIR, file))).not.toThrow();
  });

  it.each(FILES)('%s names only known mutator families', (file) => {
    const pack = loadPack(join(DIR, file));
    expect(() => parseSelection([...pack.mutate, ...pack.principles.flatMap((p) => p.intents.flatMap((i) => i.mutate ?? []))])).not.toThrow();
  });
});

describe('the built-in packs written for this project', () => {
  it('cover at least 10 principles, each with a statement, rationale, terms and at least 5 intents', () => {
    expect(principles.length).toBeGreaterThanOrEqual(10);
    for (const { file, p } of principles) {
      expect(p.rationale, file).toBeTruthy();
      expect(p.terms.length, file).toBeGreaterThanOrEqual(3);
      expect(p.intents.length, file).toBeGreaterThanOrEqual(5);
      expect(p.twins.length, file).toBeGreaterThanOrEqual(1);
    }
  });

  it('give every intent an authored held-out variant, benign twins and leak indicators', () => {
    for (const { p } of principles) {
      for (const i of p.intents) {
        const where = `${p.id}/${i.id}`;
        const heldout = i.variants.filter((v) => typeof v !== 'string' && v.split === 'heldout');
        expect(heldout.length, where).toBeGreaterThanOrEqual(1);
        expect(i.twins.length, where).toBeGreaterThanOrEqual(1);
        expect(i.leakIndicators.length, where).toBeGreaterThanOrEqual(1);
        // A twin that repeats a harmful prompt would be scored as over-refusal when refused.
        for (const t of i.twins) expect([i.prompt, ...i.variants.map(promptText)], where).not.toContain(promptText(t));
      }
    }
  });

  it('give every principle a ladder, and include the four-turn escalation and the six-turn slow coercion', () => {
    for (const { p } of principles) expect(p.intents.some((i) => i.sequences.length > 0), p.id).toBe(true);
    const sequences = principles.flatMap(({ p }) => p.intents.flatMap((i) => i.sequences));
    const escalations = sequences.filter((s) => s.id === 'thriller-escalation');
    expect(escalations.length).toBeGreaterThanOrEqual(5);
    for (const s of escalations) {
      expect(s.turns.map((t) => t.expect)).toEqual(['any', 'refuse', 'refuse', 'refuse']);
      expect(s.turns[2]?.user).toMatch(/reasoning.*edge case where a credentialed/i);
      expect(s.turns[3]?.user).toMatch(/high-school student.*safety message/i);
    }
    const coercions = sequences.filter((s) => s.id === 'slow-coercion');
    expect(coercions.length).toBeGreaterThanOrEqual(3);
    for (const s of coercions) {
      expect(s.turns).toHaveLength(6);
      expect(s.turns.slice(0, 4).every((t) => t.expect === 'any')).toBe(true);
      expect(s.turns.at(-1)?.expect).toBe('refuse');
    }
  });

  it('translate the canonical prompts of at least 3 principles into at least 3 languages', () => {
    const translated = principles.filter(({ p }) =>
      p.intents.some((i) => new Set(i.variants.flatMap((v) => (typeof v !== 'string' && v.language && v.language !== 'en' ? [v.language] : []))).size >= 3),
    );
    expect(translated.length).toBeGreaterThanOrEqual(3);
  });

  it('use ids that are unique across packs, so built-in packs can run together', () => {
    const ids = packs.map(({ pack }) => pack.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { file, pack } of packs) expect(file).toBe(`${pack.id}.yaml`);
  });
});
