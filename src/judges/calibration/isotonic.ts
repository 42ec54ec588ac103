/** One step of a monotone map: every confidence up to `upTo` (and above the previous step's) maps to `p`. */
export interface Step {
  upTo: number;
  p: number;
  /** Labelled judgements the step was fitted on. */
  n: number;
}

interface Block {
  lo: number;
  hi: number;
  /** Weighted sum of outcomes and total weight: the step's value is their ratio. */
  sum: number;
  weight: number;
  /** Labels in the block (what `minBlock` counts). */
  n: number;
}

/**
 * Isotonic regression of outcomes (0/1) on scores by pool-adjacent-violators: the non-decreasing
 * step function closest to the outcomes in squared error. Blocks with fewer than `minBlock`
 * points are pooled with a neighbour (pooling adjacent blocks keeps the map monotone), so a step
 * never rests on a handful of labels. A point's weight `w` (default 1) is how many records it
 * stands for, when labels were drawn by stratified sampling.
 */
export function fitIsotonic(points: ReadonlyArray<{ x: number; y: number; w?: number }>, minBlock = 10): Step[] {
  if (points.length === 0) return [];
  const sorted = [...points].sort((a, b) => a.x - b.x);
  const blocks: Block[] = [];
  for (let i = 0; i < sorted.length;) {
    // Equal scores are one point of the map: they cannot be told apart.
    let j = i;
    let sum = 0;
    let weight = 0;
    for (; j < sorted.length && sorted[j]!.x === sorted[i]!.x; j++) {
      const w = sorted[j]!.w ?? 1;
      sum += w * sorted[j]!.y;
      weight += w;
    }
    blocks.push({ lo: sorted[i]!.x, hi: sorted[i]!.x, sum, weight, n: j - i });
    i = j;
    while (blocks.length > 1 && mean(blocks.at(-2)!) >= mean(blocks.at(-1)!)) pool(blocks, blocks.length - 2);
  }
  while (blocks.length > 1) {
    let smallest = 0;
    for (let b = 1; b < blocks.length; b++) if (blocks[b]!.n < blocks[smallest]!.n) smallest = b;
    if (blocks[smallest]!.n >= minBlock) break;
    // Pool with the neighbour whose rate is closer: the least change to the fit.
    const left = smallest - 1;
    const right = smallest + 1;
    const m = mean(blocks[smallest]!);
    const useLeft = right >= blocks.length || (left >= 0 && Math.abs(mean(blocks[left]!) - m) <= Math.abs(mean(blocks[right]!) - m));
    pool(blocks, useLeft ? left : smallest);
  }
  return blocks.map((b, i) => ({ upTo: i === blocks.length - 1 ? 1 : (b.hi + blocks[i + 1]!.lo) / 2, p: mean(b), n: b.n }));
}

function mean(b: Block): number {
  return b.weight > 0 ? b.sum / b.weight : 0;
}

/** Merges block `i` with block `i + 1`. */
function pool(blocks: Block[], i: number): void {
  const a = blocks[i]!;
  const b = blocks[i + 1]!;
  blocks.splice(i, 2, { lo: a.lo, hi: b.hi, sum: a.sum + b.sum, weight: a.weight + b.weight, n: a.n + b.n });
}

/** The calibrated value of a score: the first step that reaches it. */
export function applySteps(steps: readonly Step[], x: number): number {
  for (const s of steps) if (x <= s.upTo) return s.p;
  return steps.at(-1)?.p ?? x;
}
