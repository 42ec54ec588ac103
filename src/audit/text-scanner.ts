import type { DrillIndex } from './drill-index.js';
import type { HitSink } from './hit-sink.js';
import { NgramScanner } from './ngram-scan.js';
import { PrefixHashes } from './prefix-hash.js';
import { TokenBuffer, tokenizeInto } from './tokens.js';
import { UnitScanner } from './unit-scan.js';

/** Runs the three detectors over one corpus text at a time, reusing every buffer between texts. */
export class TextScanner {
  private readonly tokens = new TokenBuffer();
  private readonly prefix = new PrefixHashes();
  private readonly ngrams: NgramScanner;
  private readonly units: UnitScanner;

  constructor(index: DrillIndex) {
    this.ngrams = new NgramScanner(index);
    this.units = new UnitScanner(index);
  }

  scan(text: string, sink: HitSink): void {
    tokenizeInto(text, this.tokens);
    if (this.tokens.count === 0) return;
    this.prefix.compute(this.tokens);
    this.units.scan(this.tokens, this.prefix, sink);
    this.ngrams.scan(this.tokens, this.prefix, sink);
  }
}
