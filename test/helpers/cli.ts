import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(import.meta.dirname, '..', '..');
const ENTRY = join(ROOT, 'src', 'cli', 'run-cli.ts');
// By file URL, so the CLI may run in any folder (tsx resolves from the checkout, not from cwd).
const TSX = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts the CLI from source in a child process (a real process: signals, exit codes, stdio). */
export function startCli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; /** Node flags after the TypeScript loader's. */ node?: string[] } = {},
): { child: ChildProcess; done: Promise<CliRun> } {
  const child = spawn(process.execPath, ['--import', TSX, ...(options.node ?? []), ENTRY, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<CliRun>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, done };
}

export function cli(args: string[], options: Parameters<typeof startCli>[1] = {}): Promise<CliRun> {
  return startCli(args, options).done;
}
