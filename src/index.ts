// The library: what `import … from 'refusal-drill'` gives (README, "Use it as a library").
export { runDrill, type DrillOutcome, type RunDrillOptions } from './api/run-drill.js';
export { judge, type JudgeOptions } from './api/judge.js';
export { loadPack } from './api/load-pack.js';
export { defineConfig, type DrillConfig } from './api/drill-config.js';
export { loadConfig } from './api/load-config.js';
export { buildScorecard, type BuildScorecardInput } from './metrics/scorecard.js';
export type { Scorecard, ScorecardSlice, VerdictCounts } from './metrics/scorecard-types.js';
export { evaluateGate, loadGatePolicy, type GatePolicy, type GateResult, type GateRuleResult } from './metrics/gate.js';
export { renderReport, REPORT_FORMATS, type ReportFormat, type ReportInput } from './report/render.js';
export { createTarget, type TargetSettings } from './targets/create-target.js';
export {
  DrillError,
  EXIT,
  InputError,
  StoreError,
  TargetError,
  UsageError,
  type CaseResult,
  type DrillCase,
  type Intent,
  type Judge,
  type JudgeInput,
  type Judgement,
  type Message,
  type Pack,
  type PackInput,
  type Principle,
  type RunEvent,
  type RunEventListener,
  type RunRecord,
  type Signals,
  type Target,
  type TargetRequest,
  type TargetResponse,
  type Verdict,
} from './spec/index.js';
