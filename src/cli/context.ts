/** What every command gets: where to write, the environment, whether stdout is a terminal. */
export interface CliContext {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  isTTY: boolean;
  /** Aborted on Ctrl-C; long-running commands stop cleanly and keep what they stored. */
  signal: AbortSignal;
}

/** A command's action resolves to its exit code (see EXIT in src/spec/errors.ts). */
export type CommandResult = Promise<number>;
