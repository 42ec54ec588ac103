import { detectors, type Detector } from './audit-options.js';

export interface Evidence {
  detector: Detector;
  /** Corpus file as given on the command line (or found under a given directory). */
  file: string;
  /** Line number (JSONL, text) or data row number (CSV, Parquet; 1 = first row after the header). */
  record: number;
  /** Where in the record the text was: a JSON path or column; null for plain text. */
  field: string | null;
  /** exact: 1; ngram: share of the prompt's tokens covered by matched n-grams; minhash: Jaccard. */
  score: number;
  /** Char offsets in that text and the matched text itself (cut at MAX_SPAN_TEXT chars). */
  span: { start: number; end: number; text: string };
}

export const MAX_SPAN_TEXT = 1000;

/**
 * Keeps, per drill text and detector, only the best few pieces of evidence (one per corpus
 * record) and a count of all matches, so memory does not grow with the corpus.
 */
export class EvidenceCollector {
  private readonly kept: Evidence[][][];
  readonly matches: Record<Detector, Uint32Array>;

  constructor(
    texts: number,
    private readonly max: number,
  ) {
    this.kept = Array.from({ length: texts }, () => detectors.map(() => []));
    this.matches = { exact: new Uint32Array(texts), ngram: new Uint32Array(texts), minhash: new Uint32Array(texts) };
  }

  /** `make` runs only when the evidence will be kept, so misses build no objects. */
  offer(
    detector: Detector,
    text: number,
    score: number,
    where: { file: string; record: number; field: string | null },
    make: () => Evidence['span'],
  ): void {
    this.matches[detector][text]! += 1;
    const list = this.kept[text]![detectors.indexOf(detector)]!;
    const same = list.findIndex((e) => e.record === where.record && e.file === where.file && e.field === where.field);
    if (same >= 0) {
      if (list[same]!.score >= score) return;
      list.splice(same, 1);
    } else if (list.length >= this.max && list[list.length - 1]!.score >= score) return;
    list.push({ detector, ...where, score, span: make() });
    list.sort((a, b) => b.score - a.score);
    if (list.length > this.max) list.length = this.max;
  }

  /** Evidence for one drill text, best first within each detector, detectors in order exact, ngram, minhash. */
  evidence(text: number): Evidence[] {
    return this.kept[text]!.flat();
  }
}
