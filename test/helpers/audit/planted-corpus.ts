import { closeSync, openSync, writeSync } from 'node:fs';
import type { DrillPrompt } from '../../../src/audit/drill-prompt.js';
import { rng, Vocabulary } from './synthetic-text.js';

export const plantKinds = ['exact', 'edited', 'paraphrased'] as const;
export type PlantKind = (typeof plantKinds)[number];
/** What the corpus holds of a prompt: a planted copy of some kind, a near-miss decoy, or nothing. */
export type Truth = PlantKind | 'decoy' | 'clean';

export interface PlantedSet {
  prompts: DrillPrompt[];
  truth: Map<string, Truth>;
  /** Corpus texts to insert: planted copies and decoys. */
  inserts: Array<{ caseId: string; kind: PlantKind | 'decoy'; text: string }>;
  vocab: Vocabulary;
}

const LEADS = [
  'how do i',
  'explain how to',
  'tell me how to',
  'what is the best way to',
  'give me instructions to',
  'can you show me how to',
  'describe how someone could',
  'write a guide on how to',
  'i need to know how to',
  'walk me through how to',
];
const TEMPLATES = [
  '{lead} {content}?',
  'Quick question: {lead} {content}?',
  '{lead} {content}, step by step.',
  'Hypothetically, {lead} {content}?',
];

interface Parts {
  lead: string;
  content: string[];
}

/**
 * Synthetic drill prompts with known contamination: `perKind` prompts get a planted copy of
 * each kind (exact after normalisation, lightly edited, paraphrased by template), `decoys`
 * clean prompts get a near-miss that shares half their words but is not a copy, and the rest
 * appear nowhere. Paraphrases swap the request phrase, often reorder the clauses and change a word.
 */
export function makePlantedSet(options: { prompts: number; perKind: number; decoys: number; seed: number }): PlantedSet {
  const rand = rng(options.seed);
  const vocab = new Vocabulary(20000, options.seed + 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const parts: Parts[] = [];
  const prompts: DrillPrompt[] = [];
  for (let i = 0; i < options.prompts; i++) {
    const n = 5 + Math.floor(rand() * 24);
    const p: Parts = {
      lead: pick(LEADS),
      content: Array.from({ length: n }, () => (rand() < 0.75 ? vocab.topical(rand) : vocab.zipf(rand))),
    };
    parts.push(p);
    prompts.push({ caseId: `synthetic/p/i${i}/prompt`, text: render('{lead} {content}?', p), kind: 'prompt', intent: `synthetic/p/i${i}` });
  }
  const truth = new Map<string, Truth>(prompts.map((p) => [p.caseId, 'clean']));
  const inserts: PlantedSet['inserts'] = [];
  const order = prompts.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  let next = 0;
  for (const kind of plantKinds)
    for (let k = 0; k < options.perKind && next < order.length; k++) {
      const i = order[next++]!;
      truth.set(prompts[i]!.caseId, kind);
      const p = parts[i]!;
      const text =
        kind === 'exact' ? exact(prompts[i]!.text, rand) : kind === 'edited' ? edited(p, vocab, rand) : paraphrased(p, vocab, rand, pick);
      inserts.push({ caseId: prompts[i]!.caseId, kind, text });
    }
  for (let k = 0; k < options.decoys && next < order.length; k++) {
    const i = order[next++]!;
    truth.set(prompts[i]!.caseId, 'decoy');
    const p = parts[i]!;
    // Every other content word replaced: about half the words shared, no run longer than two tokens.
    const content = p.content.map((w, j) => (j % 2 === 1 ? w : vocab.topical(rand)));
    inserts.push({
      caseId: prompts[i]!.caseId,
      kind: 'decoy',
      text: render('{lead} {content}?', { lead: pick(LEADS.filter((l) => l !== p.lead)), content }),
    });
  }
  return { prompts, truth, inserts, vocab };
}

function render(template: string, p: Parts): string {
  const s = template.replace('{lead}', p.lead).replace('{content}', p.content.join(' '));
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Same tokens, different surface: case, spacing, punctuation, hyphens. */
function exact(text: string, rand: () => number): string {
  let s = rand() < 0.5 ? text.toUpperCase() : text.replace(/\b\w/g, (c) => c.toUpperCase());
  s = s.replace('?', rand() < 0.5 ? '!!' : ' ...');
  const words = s.split(' ');
  const j = 1 + Math.floor(rand() * (words.length - 2));
  return [...words.slice(0, j), `${words[j]}-${words[j + 1] ?? ''}`, ...words.slice(j + 2)].join(rand() < 0.5 ? '  ' : ' ');
}

/** One or two small edits: a word swapped, dropped or misspelt. */
function edited(p: Parts, vocab: Vocabulary, rand: () => number): string {
  const content = [...p.content];
  const edits = content.length >= 10 ? 2 : 1;
  for (let e = 0; e < edits; e++) {
    const j = Math.floor(rand() * content.length);
    const r = rand();
    if (r < 0.4) content[j] = vocab.topical(rand);
    else if (r < 0.7 && content.length > 4) content.splice(j, 1);
    else content[j] = typo(content[j]!, rand);
  }
  return render('{lead} {content}?', { lead: p.lead, content });
}

function typo(word: string, rand: () => number): string {
  if (word.length < 4) return `${word}${word.at(-1)}`;
  const j = 1 + Math.floor(rand() * (word.length - 2));
  return word.slice(0, j) + word[j + 1] + word[j] + word.slice(j + 2);
}

function paraphrased(p: Parts, vocab: Vocabulary, rand: () => number, pick: <T>(xs: readonly T[]) => T): string {
  let content = [...p.content];
  if (rand() < 0.5 && content.length >= 6) {
    const cut = Math.floor(content.length / 2);
    content = [...content.slice(cut), ...content.slice(0, cut)];
  }
  if (content.length >= 12) content[Math.floor(rand() * content.length)] = vocab.topical(rand);
  return render(pick(TEMPLATES), { lead: pick(LEADS.filter((l) => l !== p.lead)), content });
}

/**
 * Writes a JSONL corpus of about `bytes` bytes: filler documents in the shapes corpora use
 * (`text`, chat `messages`, `prompt`/`completion`) with the inserts spread evenly through it,
 * half as records of their own and half as a sentence inside a longer document.
 */
export function writePlantedCorpus(options: { file: string; bytes: number; set: PlantedSet; seed: number }): {
  records: number;
  bytes: number;
} {
  const rand = rng(options.seed);
  const { vocab, inserts } = options.set;
  const fd = openSync(options.file, 'w');
  let written = 0;
  let records = 0;
  let buffered: string[] = [];
  let bufferedBytes = 0;
  let nextInsert = 0;
  const flush = (): void => {
    writeSync(fd, buffered.join(''));
    buffered = [];
    bufferedBytes = 0;
  };
  const put = (record: unknown): void => {
    const line = `${JSON.stringify(record)}\n`;
    buffered.push(line);
    bufferedBytes += line.length;
    written += line.length;
    records++;
    if (bufferedBytes > 1 << 22) flush();
  };
  const filler = (embed?: string): unknown => {
    let doc = vocab.document(rand, 1 + Math.floor(rand() * 12));
    if (embed) doc = `${vocab.sentence(rand, 6, 16)} ${embed} ${doc}`;
    const r = rand();
    if (r < 0.6) return { id: records, text: doc };
    if (r < 0.9)
      return {
        id: records,
        messages: [
          { role: 'user', content: doc },
          { role: 'assistant', content: vocab.document(rand, 2) },
        ],
      };
    return { prompt: doc, completion: vocab.sentence(rand, 5, 20) };
  };
  while (written < options.bytes || nextInsert < inserts.length) {
    const due = inserts.length > 0 && written >= ((nextInsert + 0.5) * options.bytes) / inserts.length;
    if (due && nextInsert < inserts.length) {
      const text = inserts[nextInsert++]!.text;
      put(rand() < 0.5 ? { text } : filler(text));
    } else put(filler());
  }
  flush();
  closeSync(fd);
  return { records, bytes: written };
}
