import type { RunOptions } from '../spec/index.js';

/** Where a run's answers came from: asked of the model this time, or read back from the response cache. */
export interface AnswerCounts {
  /** Turns sent to the model under drill (errors included). */
  asked: number;
  /** Turns answered from kept answers. */
  reused: number;
  /** Whose kept answers the run could reuse: none (`--no-cache`), its own (default), one run's, or any run's (`--cache`). */
  from: 'none' | 'own' | 'any' | { run: string };
}

/** Whose kept answers a run with these options could reuse. */
export function answerSource(options?: Pick<RunOptions, 'cache' | 'reuse'>): AnswerCounts['from'] {
  return !options
    ? 'own'
    : !options.cache
      ? 'none'
      : options.reuse === 'any'
        ? 'any'
        : options.reuse !== undefined
          ? { run: options.reuse }
          : 'own';
}

/** "657 asked, 0 reused", and whose answers could be reused when other runs' could. */
export function describeAnswers(a: Pick<AnswerCounts, 'asked' | 'reused'> & { from?: AnswerCounts['from'] }): string {
  const from =
    a.from === 'any'
      ? ' (--cache: from any earlier run against this endpoint)'
      : typeof a.from === 'object'
        ? ` (--reuse ${a.from.run})`
        : a.from === 'none'
          ? ' (--no-cache)'
          : '';
  return `${a.asked} asked, ${a.reused} reused${from}`;
}
