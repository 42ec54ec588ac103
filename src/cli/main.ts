import { Command, CommanderError } from 'commander';
// The spec's zod-free entry: `--help` and `--version` start without building a schema (see eslint.config.js).
import { DrillError, EXIT } from '../spec/errors.js';
import { terminalSafe } from '../util/index.js';
import type { CliContext } from './context.js';
import { commands } from './commands/registry.js';

export async function main(argv: string[], overrides: Partial<CliContext> = {}): Promise<number> {
  const controller = new AbortController();
  let interrupts = 0;
  const onSigint = (): void => {
    interrupts += 1;
    if (interrupts > 1) process.exit(EXIT.interrupted);
    process.stderr.write('\nStopping: finishing in-flight requests and saving what is done (Ctrl-C again to quit now)\n');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  // A reader that stops early (`refusal-drill runs | head -1`) closes the pipe: that is no error. The
  // listener stays after main returns: buffered writes fail only then.
  const onPipeError = (e: NodeJS.ErrnoException): void => {
    if (e.code === 'EPIPE') process.exit(exitCode);
    throw e;
  };
  if (!overrides.out) process.stdout.on('error', onPipeError);
  const ctx: CliContext = {
    // Everything printed may carry model, server, log or program text: see terminalSafe.
    out: (t) => process.stdout.write(terminalSafe(t.endsWith('\n') ? t : `${t}\n`)),
    err: (t) => process.stderr.write(terminalSafe(t.endsWith('\n') ? t : `${t}\n`)),
    env: process.env,
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
    signal: controller.signal,
    ...overrides,
  };
  let exitCode: number = EXIT.ok;
  const program = new Command('refusal-drill')
    .description('Refusal recalibration drills: does the refusal hold on principle, or only by pattern?')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.out(s), writeErr: (s) => ctx.err(s) })
    .showHelpAfterError();
  const wanted = commandOf(argv);
  const usage = new Map(commands.map((c) => [c.name, c.usage]));
  program.configureHelp({ subcommandTerm: (cmd) => `${cmd.name()} ${usage.get(cmd.name()) ?? cmd.usage()}`.trim() });
  for (const c of commands) {
    if (c.name === wanted) (await c.load())(program, ctx, (code) => (exitCode = code));
    // the others are listed by name for --help; their modules are never loaded
    else program.command(c.name).description(c.description);
  }
  try {
    await program.parseAsync(argv);
  } catch (e) {
    exitCode = await handleError(e, ctx);
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
  return exitCode;
}

/** The command asked for: the first argument that is not an option (`help run` asks for `run`). */
function commandOf(argv: string[]): string | undefined {
  const args = argv.slice(2).filter((a) => !a.startsWith('-'));
  return args[0] === 'help' ? args[1] : args[0];
}

async function handleError(e: unknown, ctx: CliContext): Promise<number> {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
    return EXIT.usage;
  }
  if (DrillError.isInstance(e)) {
    ctx.err(`refusal-drill: ${e.message}`);
    return e.exitCode;
  }
  // The monitor and review queue share the store's SQLite connection: their faults are store faults too.
  if (e instanceof Error && e.name === 'SqliteError') {
    // loaded here, not at start: the store index brings better-sqlite3, which `--help` does not need
    const { describeStoreFault } = await import('../store/index.js');
    ctx.err(`refusal-drill: ${describeStoreFault('the --db store', e, 'use')}`);
    return EXIT.store;
  }
  ctx.err(`refusal-drill: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  return EXIT.internal;
}
