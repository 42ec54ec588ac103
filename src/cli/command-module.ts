import type { Command } from 'commander';
import type { CliContext } from './context.js';

/**
 * A CLI command: adds itself to the program; its action reports an exit code through `done`.
 * Commands are thin: they parse options, call core modules and render events and results.
 */
export type RegisterCommand = (program: Command, ctx: CliContext, done: (exitCode: number) => void) => void;
