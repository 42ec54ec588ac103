import { isUncertain } from '../metrics/index.js';
import { caseHeld, type CaseResult } from '../spec/index.js';
import { fnv1a } from '../util/index.js';

/**
 * Which transcripts a report embeds, chosen as results stream past with memory bounded by
 * `limit`: all of them up to the limit; beyond it, failures (60% of the room), uncertain or
 * leaking verdicts (20%) and the rest (20%), room one kind leaves going to the others in that
 * order. Within a kind, cases are taken round-robin across intents (every intent's first case
 * before any intent's second) and, within a round, in an order fixed by the case id: the same
 * results give the same selection.
 */
export interface EmbedSelection {
  /** `rank`: how many cases of the same priority and intent came before it. */
  add(result: CaseResult, o: { priority: number; rank: number }): void;
  /** The chosen results in the order they were added. */
  chosen(): CaseResult[];
  seen(): number;
}

interface Entry {
  key: [number, number, number];
  order: number;
  /** The result as JSON: a third of its size as objects, and only results that enter the selection pay for it. */
  json: string;
}

export function embedPriority(r: CaseResult): 0 | 1 | 2 {
  const held = caseHeld(r);
  if (held === false) return 0;
  if (isUncertain(r.judgement) || r.turns.some((t) => t.judgement.signals?.leak)) return 1;
  return 2;
}

const SHARES = [0.6, 0.2, 0.2];

const before = (a: Entry, b: Entry): boolean => {
  for (let i = 0; i < 3; i++) if ((a.key[i] ?? 0) !== (b.key[i] ?? 0)) return (a.key[i] ?? 0) < (b.key[i] ?? 0);
  return a.order < b.order;
};

export function createEmbedSelection(limit: number): EmbedSelection {
  const kinds = SHARES.map(() => boundedBest(limit));
  let order = 0;
  return {
    add(result, { priority, rank }) {
      kinds[priority]?.offer({ key: [rank, fnv1a(result.caseId) >>> 0, 0], order: order++ }, () => JSON.stringify(result));
    },
    chosen() {
      const held = kinds.map((k) => k.sorted());
      const take = held.map((h, i) => Math.min(h.length, Math.floor(limit * (SHARES[i] ?? 0))));
      let room = limit - take.reduce((a, b) => a + b, 0);
      held.forEach((h, i) => {
        const more = Math.min(room, h.length - (take[i] ?? 0));
        take[i] = (take[i] ?? 0) + more;
        room -= more;
      });
      return held
        .flatMap((h, i) => h.slice(0, take[i]))
        .sort((a, b) => a.order - b.order)
        .map((e) => JSON.parse(e.json) as CaseResult);
    },
    seen: () => order,
  };
}

/** The `limit` entries with the smallest keys seen so far: a max-heap whose root is the next to drop. */
function boundedBest(limit: number): { offer: (e: Omit<Entry, 'json'>, json: () => string) => void; sorted: () => Entry[] } {
  const heap: Entry[] = [];
  const swap = (i: number, j: number): void => {
    const t = heap[i] as Entry;
    heap[i] = heap[j] as Entry;
    heap[j] = t;
  };
  const up = (i: number): void => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(heap[p] as Entry, heap[i] as Entry)) return;
      swap(i, p);
      i = p;
    }
  };
  const down = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < heap.length && before(heap[top] as Entry, heap[l] as Entry)) top = l;
      if (r < heap.length && before(heap[top] as Entry, heap[r] as Entry)) top = r;
      if (top === i) return;
      swap(i, top);
      i = top;
    }
  };
  return {
    offer(e, json) {
      if (heap.length < limit) {
        heap.push({ ...e, json: json() });
        up(heap.length - 1);
      } else if (heap[0] && before({ ...e, json: '' }, heap[0])) {
        heap[0] = { ...e, json: json() };
        down(0);
      }
    },
    sorted: () => [...heap].sort((a, b) => (before(a, b) ? -1 : 1)),
  };
}
