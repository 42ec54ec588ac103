import { dnaModel, DNA_MODELS, isDnaRef, loadDnaReplay } from './do-not-answer-replay.js';
import type { ReplayIndex } from './replay-index.js';
import { isXstestRef, loadXstestReplay, xstestModel, XSTEST_MODELS } from './xstest-replay.js';

/**
 * The recordings that ship with the package, by reference (`xstest/gpt4`, `do-not-answer/Claude`):
 * a loader that parses the recording on first use, or undefined for a reference that is a file.
 * An unknown model of a known set is a usage error that lists the set.
 */
export function builtinReplay(ref: string): (() => ReplayIndex) | undefined {
  if (isXstestRef(ref)) {
    const model = xstestModel(ref);
    return () => loadXstestReplay(model);
  }
  if (isDnaRef(ref)) {
    const model = dnaModel(ref);
    return () => loadDnaReplay(model);
  }
  return undefined;
}

/** Every built-in replay reference, for help texts and docs. */
export function builtinReplayRefs(): string[] {
  return [...XSTEST_MODELS.map((m) => `xstest/${m}`), ...DNA_MODELS.map((m) => `do-not-answer/${m}`)];
}
