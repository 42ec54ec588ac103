export { createTarget, describeTargetKinds, TARGET_DEFAULTS, type TargetSettings } from './create-target.js';
export { createScriptedTarget, type ScriptedRule, type ScriptedTargetOptions, type ScriptedReply } from './scripted.js';
export { limitedTarget, type AttemptFn, type Limits, type LimitedTargetOptions, type RetryInfo } from './limits/limited-target.js';
export { mapAnthropicStop, mapAnyFinish, mapOpenAIFinish } from './finish-reason.js';
export { XSTEST_MODELS } from './replay/xstest-replay.js';
export { DNA_MODELS } from './replay/do-not-answer-replay.js';
export { abortableSleep } from './limits/abortable-sleep.js';
export { storableBaseUrl } from './base-url.js';
