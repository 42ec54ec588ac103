import { listMutators, mutate, type MutatorInfo } from '../../mutators/index.js';
import { EXIT } from '../../spec/index.js';
import type { RegisterCommand } from '../command-module.js';
import type { CliContext } from '../context.js';
import { list, nonNegativeInt } from '../parse-options.js';

interface MutatorsOptions {
  json?: boolean;
  preview?: string;
  mutate?: string[];
  seed: number;
}

export const registerMutators: RegisterCommand = (program, ctx, done) => {
  program
    .command('mutators')
    .description('List the mutator families (group, description, whether they need --attacker), or preview them on a prompt')
    .option('--json', 'machine-readable output')
    .option('--preview <prompt>', 'show what the selected families make of this prompt (offline families only)')
    .option('--mutate <families>', 'with --preview: all, groups, families or compositions with + (default all)', list)
    .option('--seed <n>', 'with --preview: the seed', nonNegativeInt('--seed'), 0)
    .action(async (o: MutatorsOptions) =>
      done(o.preview === undefined ? listCommand(ctx, o.json ?? false) : await previewCommand(ctx, o.preview, o)),
    );
};

function listCommand(ctx: CliContext, json: boolean): number {
  const infos = listMutators();
  if (json) {
    ctx.out(JSON.stringify(infos, null, 2));
    return EXIT.ok;
  }
  const groups = new Map<string, MutatorInfo[]>();
  for (const m of infos) groups.set(m.group, [...(groups.get(m.group) ?? []), m]);
  const width = Math.max(...infos.map((m) => m.family.length));
  for (const [group, members] of groups) {
    ctx.out(`${group}`);
    for (const m of members) ctx.out(`  ${m.family.padEnd(width)}  ${m.needsAttacker ? 'attacker' : 'offline '}  ${m.description}`);
  }
  const offline = infos.filter((m) => !m.needsAttacker).length;
  ctx.out(
    `\n${infos.length} families: ${offline} run offline, ${infos.length - offline} need --attacker <target-spec>. Select with --mutate all | <group> | <family>,… | <family>+<family> (see docs/mutators.md).`,
  );
  return EXIT.ok;
}

async function previewCommand(ctx: CliContext, prompt: string, o: MutatorsOptions): Promise<number> {
  const result = await mutate(prompt, o.mutate ?? ['all'], { seed: o.seed, signal: ctx.signal });
  if (o.json) {
    ctx.out(JSON.stringify(result, null, 2));
    return EXIT.ok;
  }
  for (const m of result.outputs) ctx.out(`── ${m.mutation}${m.language ? ` (${m.language})` : ''}\n${m.text}\n`);
  for (const s of result.skipped) ctx.err(`note: ${s.family} skipped: ${s.reason}`);
  return EXIT.ok;
}
