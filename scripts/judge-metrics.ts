/** Scoring a judge against human labels: the shared scoring (src/judges/label-scoring.ts) and judge:eval's number format. */
export { confusion, declines, ece, figures, type Figures, type Scored } from '../src/judges/label-scoring.js';

export const fmt = (x: number): string => x.toFixed(3).replace(/^0/, '');
