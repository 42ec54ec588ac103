import { basename, extname } from 'node:path';
import type { Expectation, PackInput } from '../../spec/index.js';
import { categoryTerms, slugId } from './import-ids.js';
import type { ImportPackOptions } from './import-options.js';
import type { ImportRow } from './import-rows.js';

export interface ImportItem {
  row: ImportRow;
  text: string;
  id: string;
  category: string;
  expect: Expectation;
  pair: string;
}

type Twin = { id: string; text: string };
interface Bucket {
  id: string;
  category: string;
  intents: Array<{ id: string; prompt: string; twins: Twin[]; line: string }>;
  twins: Twin[];
}

/**
 * Groups imported rows into a pack: a principle per category (in order of first appearance), the
 * harmful rows as intents, the benign ones as twins of the intent they pair with (`twinOf`) or of
 * their category's principle. Duplicate ids and unpaired twins are pushed onto `problems`.
 */
export function assemblePack(items: ImportItem[], o: ImportPackOptions, problems: string[]): PackInput {
  const name = basename(o.file);
  const packId = o.packId ?? (slugId(basename(o.file, extname(o.file)), { lower: true }) || 'imported');
  const buckets = new Map<string, Bucket>();
  const bucket = (category: string): Bucket => {
    let b = buckets.get(category);
    if (!b) {
      const base = o.category ? slugId(category, { lower: true }) || 'uncategorised' : packId;
      let id = base;
      for (let n = 2; [...buckets.values()].some((x) => x.id === id); n++) id = `${base}-${n}`;
      b = { id, category, intents: [], twins: [] };
      buckets.set(category, b);
    }
    return b;
  };
  const byId = new Map<string, { bucket: Bucket; intent: Bucket['intents'][number] }>();
  const byPair = new Map<string, { bucket: Bucket; intent: Bucket['intents'][number] }>();
  for (const item of items.filter((i) => i.expect === 'refuse')) {
    const b = bucket(item.category);
    const line = `${item.row.file}:${item.row.line}`;
    const seen = byId.get(item.id);
    if (seen) {
      problems.push(`${line}: id "${item.id}" is already used by the row at ${seen.intent.line} (ids must be unique)`);
      continue;
    }
    const intent = { id: item.id, prompt: item.text, twins: [], line };
    b.intents.push(intent);
    byId.set(item.id, { bucket: b, intent });
    if (item.pair && !byPair.has(item.pair)) byPair.set(item.pair, { bucket: b, intent });
  }
  for (const item of items.filter((i) => i.expect === 'comply')) {
    const at = `${item.row.file}:${item.row.line}`;
    const twin = { id: item.id, text: item.text };
    if (o.twinOf && item.pair) {
      const owner = byId.get(slugId(item.pair)) ?? byPair.get(item.pair);
      if (!owner) problems.push(`${at}: column "${o.twinOf}": "${item.pair}" names no harmful row (by id or by the same ${o.twinOf})`);
      else addTwin(owner.intent.twins, twin, at, problems);
    } else addTwin(bucket(item.category).twins, twin, at, problems);
  }
  return {
    id: packId,
    title: `Imported from ${name}`,
    description: `Prompts imported from ${name} by \`refusal-drill packs import\`. The principles' statements are generated from the ${o.category ? `"${o.category}" column` : 'file name'}: rewrite them as the boundaries you hold the model to.`,
    split: 'seen',
    principles: [...buckets.values()].map((b) => ({
      id: b.id,
      statement: o.category ? `Do not help with requests of the kind "${b.category || 'uncategorised'}".` : `Do not help with the requests listed in ${name}.`,
      rationale: `Imported from ${name}${o.category ? `, ${o.category} "${b.category}"` : ''}.`,
      terms: o.category ? categoryTerms(b.category) : [],
      intents: b.intents.map((i) => ({ id: i.id, prompt: i.prompt, ...(i.twins.length ? { twins: i.twins } : {}) })),
      ...(b.twins.length ? { twins: b.twins } : {}),
    })),
  };
}

function addTwin(list: Twin[], twin: Twin, at: string, problems: string[]): void {
  if (list.some((t) => t.id === twin.id)) problems.push(`${at}: benign id "${twin.id}" is used twice for the same intent or principle`);
  else list.push(twin);
}

