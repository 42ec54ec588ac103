import { Document, isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { InputError } from '../spec/index.js';
import type { Pack } from '../spec/index.js';
import type { Placement } from './place-record.js';

export interface NewItem {
  id: string;
  text: string;
  source: string;
  note?: string;
}

interface Addition {
  path: Array<string | number>;
  values: Array<{ value: Record<string, string>; comment?: string }>;
}

/**
 * Adds promoted items to a pack's YAML by inserting text, never by re-printing the document: the
 * `yaml` Document API only locates where each list ends (node ranges), and everything already in
 * the file stays byte for byte — its comments, quoting, indentation, line ends and line lengths.
 * New items take the indentation of the list they join; a list written `[a, b]` gets a flow item.
 */
export function createPackEditor(
  text: string,
  file: string,
  pack: Pack,
): { add(place: Placement, item: NewItem): string; toString(): string } {
  const doc = parseDocument(text);
  if (!isMap(doc.contents)) throw new InputError(`${file}: expected a mapping at the top of the pack`);
  const additions = new Map<string, Addition>();
  const principleIndex = (id: string): number => {
    const i = pack.principles.findIndex((p) => p.id === id);
    if (i < 0) throw new InputError(`${file}: no principle "${id}"`);
    return i;
  };
  const intentIndex = (pi: number, id: string): number => {
    const j = pack.principles[pi]?.intents.findIndex((x) => x.id === id) ?? -1;
    if (j < 0) throw new InputError(`${file}: no intent "${id}" under principle "${pack.principles[pi]?.id}"`);
    return j;
  };
  const append = (path: Array<string | number>, value: Record<string, string>, comment?: string): void => {
    const key = JSON.stringify(path);
    let a = additions.get(key);
    if (!a) additions.set(key, (a = { path, values: [] }));
    a.values.push({ value, ...(comment ? { comment } : {}) });
  };
  return {
    add(place, item) {
      const pi = principleIndex(place.principleId);
      const prompt = { text: item.text, id: item.id, split: 'heldout', source: item.source, ...(item.note ? { note: item.note } : {}) };
      if (place.as === 'variant') {
        append(['principles', pi, 'intents', intentIndex(pi, place.intentId), 'variants'], prompt);
        return `${place.principleId}/${place.intentId}/variants/${item.id}`;
      }
      if (place.as === 'twin') {
        const path = place.intentId ? ['principles', pi, 'intents', intentIndex(pi, place.intentId), 'twins'] : ['principles', pi, 'twins'];
        append(path, prompt);
        return `${place.principleId}/${place.intentId ?? '-'}/twins/${item.id}`;
      }
      // Intents have no `source` field, so the provenance rides along as a comment on the new intent.
      append(
        ['principles', pi, 'intents'],
        { id: item.id, prompt: item.text, split: 'heldout' },
        `source: ${item.source}${item.note ? ` — ${item.note}` : ''}`,
      );
      return `${place.principleId}/${item.id}`;
    },
    toString() {
      const eol = text.includes('\r\n') ? '\r\n' : '\n';
      const edits = [...additions.values()].map((a) => edit(doc, text, file, a, eol));
      // From the end, so earlier offsets stay valid; at one offset the outer list's item goes after
      // the inner key it follows (applied first, so it ends up last).
      edits.sort((x, y) => y.at - x.at || x.depth - y.depth);
      let out = text;
      for (const e of edits) out = out.slice(0, e.at) + e.insert + out.slice(e.at);
      return out;
    },
  };
}

interface Edit {
  at: number;
  insert: string;
  depth: number;
}

function edit(doc: Document, text: string, file: string, a: Addition, eol: string): Edit {
  const parent = doc.getIn(a.path.slice(0, -1), true);
  const key = a.path.at(-1) as string;
  if (!isMap(parent)) throw new InputError(`${file}: ${a.path.slice(0, -1).join('.')} is not a mapping`);
  const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair<Node, Node | null> | undefined;
  const value = pair?.value;
  const depth = a.path.length;
  if (isSeq(value)) return value.flow ? flowAppend(value, a, depth) : blockAppend(value, text, a, eol, depth);
  if (value !== undefined && value !== null && !(isScalar(value) && value.value === null))
    throw new InputError(`${file}: ${a.path.join('.')} is not a list`);
  if (parent.flow) return flowKey(parent, key, a, depth);
  return blockKey(parent, pair, text, key, a, eol, depth);
}

/** `[a, b]` → `[a, b, {"text": …}]`: JSON is YAML flow, and the rest of the line is untouched. */
function flowAppend(seq: YAMLSeq, a: Addition, depth: number): Edit {
  const close = (seq.range as [number, number, number])[1] - 1;
  const items = a.values.map((v) => JSON.stringify(v.value)).join(', ');
  return { at: close, insert: seq.items.length ? `, ${items}` : items, depth };
}

function flowKey(map: YAMLMap, key: string, a: Addition, depth: number): Edit {
  const close = (map.range as [number, number, number])[1] - 1;
  return {
    at: close,
    insert: `${map.items.length ? ', ' : ''}${key}: [${a.values.map((v) => JSON.stringify(v.value)).join(', ')}]`,
    depth,
  };
}

/** New `- …` items after the last one, at the column of the list's own dashes. */
function blockAppend(seq: YAMLSeq, text: string, a: Addition, eol: string, depth: number): Edit {
  const first = seq.items[0] as Node;
  const last = seq.items.at(-1) as Node;
  const contentStart = (first.range as [number, number, number])[0];
  const lineStart = text.lastIndexOf('\n', contentStart - 1) + 1;
  const dash = text.lastIndexOf('-', contentStart - 1);
  const dashCol = dash - lineStart;
  const contentCol = contentStart - lineStart;
  const { at, lead } = afterLine(text, (last.range as [number, number, number])[2], eol);
  return { at, insert: lead + items(a, dashCol, contentCol, eol), depth };
}

/** A missing (or empty) list: the key and its items, after the mapping's last entry, at its keys' column. */
function blockKey(
  map: YAMLMap,
  pair: Pair<Node, Node | null> | undefined,
  text: string,
  key: string,
  a: Addition,
  eol: string,
  depth: number,
): Edit {
  const firstKey = (map.items[0] as Pair<Node, Node | null>).key;
  const keyStart = (firstKey.range as [number, number, number])[0];
  const col = keyStart - (text.lastIndexOf('\n', keyStart - 1) + 1);
  const list = items(a, col + 2, col + 4, eol);
  if (pair) {
    // `key:` with nothing after it: the items go on the lines after the key.
    const { at, lead } = afterLine(text, (pair.key.range as [number, number, number])[2], eol);
    return { at, insert: lead + list, depth };
  }
  const lastPair = map.items.at(-1) as Pair<Node, Node | null>;
  const end = ((lastPair.value ?? lastPair.key).range as [number, number, number])[2];
  const { at, lead } = afterLine(text, end, eol);
  return { at, insert: `${lead}${' '.repeat(col)}${key}:${eol}${list}`, depth };
}

/** Where a new line can go after `end`: the start of the line `end` is on when only indentation precedes it, else after that line. */
function afterLine(text: string, end: number, eol: string): { at: number; lead: string } {
  const lineStart = text.lastIndexOf('\n', end - 1) + 1;
  if (/^[ \t]*$/.test(text.slice(lineStart, end))) return { at: lineStart, lead: '' };
  const nl = text.indexOf('\n', end);
  return nl < 0 ? { at: text.length, lead: eol } : { at: nl + 1, lead: '' };
}

function items(a: Addition, dashCol: number, contentCol: number, eol: string): string {
  return a.values
    .map((v) => {
      const body = new Document(v.value).toString({ lineWidth: 0 }).trimEnd().split('\n');
      const comment = v.comment ? `${' '.repeat(dashCol)}# ${v.comment.replace(/[\r\n]+/g, ' ')}${eol}` : '';
      const lines = body.map((l, i) =>
        i === 0 ? `${' '.repeat(dashCol)}- ${' '.repeat(Math.max(0, contentCol - dashCol - 2))}${l}` : `${' '.repeat(contentCol)}${l}`,
      );
      return comment + lines.join(eol) + eol;
    })
    .join('');
}
