import type { RegisterCommand } from '../command-module.js';

/** Every command the CLI offers; each module registers one command (or one command group). */
export const commands: RegisterCommand[] = [
];
