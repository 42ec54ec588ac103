import type { RegisterCommand } from '../command-module.js';
import { registerAudit } from './audit.js';
import { registerCalibrate } from './calibrate.js';
import { registerCompare } from './compare.js';
import { registerGate } from './gate.js';
import { registerInit } from './init.js';
import { registerJudge } from './judge.js';
import { registerMonitor } from './monitor.js';
import { registerMutators } from './mutators.js';
import { registerPacks } from './packs.js';
import { registerReport } from './report.js';
import { registerReview } from './review.js';
import { registerRun } from './run.js';
import { registerRuns } from './runs.js';
import { registerServe } from './serve.js';
import { registerWorker } from './worker.js';
import { registerCancel } from './cancel.js';
import { registerCache } from './cache.js';
import { registerExport } from './export.js';

/** Every command the CLI offers; each module registers one command (or one command group). */
export const commands: RegisterCommand[] = [
  registerRun,
  registerRuns,
  registerPacks,
  registerInit,
  registerJudge,
  registerCalibrate,
  registerReport,
  registerGate,
  registerCompare,
  registerMutators,
  registerMonitor,
  registerReview,
  registerServe,
  registerAudit,
  registerWorker,
  registerCancel,
  registerCache,
  registerExport,
];
