import type { JudgeInput, Signals, Verdict } from '../../spec/index.js';
import { analyse, type Analysis } from '../text/analyse.js';
import { alternativeSignal } from './alternative.js';
import { apologySignal } from './apology.js';
import { boundarySignal } from './boundary.js';
import { leakSignal } from './leak.js';
import { lectureSignal } from './lecture.js';
import { reasonSignal } from './reason.js';
import { rebuttalSignal } from './rebuttal.js';
import type { SignalContext } from './signal-context.js';
import { templateKeySignal } from './template-key.js';

/** Every signal of a judged response; judges pass the analysis they already made. */
export function signalsOf(input: JudgeInput, verdict: Verdict, a: Analysis): Signals {
  const ctx: SignalContext = { input, verdict, a };
  const boundary = boundarySignal(ctx);
  const leak = leakSignal(ctx);
  return {
    // Naming the boundary is stating a reason: "that would deceive people into giving up their credentials".
    reason: boundary || reasonSignal(ctx),
    boundary,
    // Content toward the request is never an alternative; a resource offered beside it still is.
    alternative: alternativeSignal(ctx, { leaked: leak }),
    leak,
    apology: apologySignal(ctx),
    lecture: lectureSignal(ctx),
    rebuttal: rebuttalSignal(ctx),
    templateKey: templateKeySignal(ctx),
  };
}

/** The signals of a response under a verdict (one function per signal, see src/judges/signals/). */
export function computeSignals(input: JudgeInput, verdict: Verdict): Signals {
  return signalsOf(input, verdict, analyse(input.response, input.prompt));
}
