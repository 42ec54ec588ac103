// The library: what `import … from 'refusal-drill'` gives (README, "Use it as a library").
export { runDrill, type DrillOutcome, type RunDrillOptions } from './api/index.js';
export { judge, type JudgeOptions } from './api/index.js';
export { loadPack } from './api/index.js';
export { defineConfig, type DrillConfig } from './api/index.js';
export { loadConfig } from './api/index.js';
export { buildScorecard, type BuildScorecardInput } from './metrics/index.js';
export type { Scorecard, ScorecardSlice, VerdictCounts } from './metrics/index.js';
export { evaluateGate, loadGatePolicy, type GatePolicy, type GateResult, type GateRuleResult } from './metrics/index.js';
export { renderReport, REPORT_FORMATS, type ReportFormat, type ReportInput } from './report/index.js';
export { createTarget, type TargetSettings } from './targets/index.js';
export {
  exportRun,
  loadExportRun,
  writeExport,
  sftRecordSchema,
  dpoRecordSchema,
  type ExportRunInput,
  type ExportOutcome,
  type ExportSummary,
  type SftRecord,
  type DpoRecord,
} from './export/index.js';
export {
  DrillError,
  EXIT,
  InputError,
  StoreError,
  TargetError,
  UsageError,
  exportManifestSchema,
  type ExportManifest,
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
