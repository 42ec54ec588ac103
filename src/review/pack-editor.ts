import { isMap, isSeq, parseDocument, type Document, type YAMLMap } from 'yaml';
import { InputError } from '../spec/index.js';
import type { Pack } from '../spec/index.js';
import type { Placement } from './place-record.js';

export interface NewItem {
  id: string;
  text: string;
  source: string;
  note?: string;
}

/**
 * Edits a pack's YAML through the `yaml` Document API, so comments, key order and quoting of
 * everything already there survive; only the added nodes are new text.
 */
export function createPackEditor(
  text: string,
  file: string,
  pack: Pack,
): { add(place: Placement, item: NewItem): string; toString(): string } {
  const doc: Document = parseDocument(text, { keepSourceTokens: false });
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
    const node = doc.createNode(value) as YAMLMap;
    if (comment) node.commentBefore = ` ${comment}`;
    const seq = doc.getIn(path, true);
    if (seq === undefined || seq === null) doc.setIn(path, doc.createNode([node]));
    else if (isSeq(seq)) {
      // A mapping inside a one-line [a, b] list reads badly; the list goes to block style.
      seq.flow = false;
      seq.items.push(node);
    } else throw new InputError(`${file}: ${path.join('.')} is not a list`);
  };
  return {
    add(place, item) {
      const pi = principleIndex(place.principleId);
      const prompt = { text: item.text, id: item.id, split: 'heldout', source: item.source, ...(item.note ? { note: item.note } : {}) };
      if (place.as === 'variant') {
        const j = intentIndex(pi, place.intentId);
        append(['principles', pi, 'intents', j, 'variants'], prompt);
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
      if (!isMap(doc.contents)) throw new InputError(`${file}: expected a mapping at the top of the pack`);
      // Never re-fold long lines or pad [a, b] lists that were already in the file.
      return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
    },
  };
}
