import type { RegisterCommand } from '../command-module.js';
import { registerInit } from './init.js';
import { registerPacks } from './packs.js';
import { registerRun } from './run.js';
import { registerRuns } from './runs.js';

/** Every command the CLI offers; each module registers one command (or one command group). */
export const commands: RegisterCommand[] = [
  registerRun,
  registerRuns,
  registerPacks,
  registerInit,
];
