import { checkPackMutators } from '../../mutators/index.js';
import { listBuiltinPacks, resolvePackRef } from '../../packs/index.js';
import { EXIT, InputError, type Pack } from '../../spec/index.js';
import type { RegisterCommand } from '../command-module.js';
import type { CliContext } from '../context.js';
import { registerPacksImport } from './packs-import.js';
import { plural } from '../../util/index.js';

export const registerPacks: RegisterCommand = (program, ctx, done) => {
  const packs = program.command('packs').description('List, show, validate and import drill packs');
  packs
    .command('list')
    .description('List the built-in packs')
    .option('--json', 'machine-readable output')
    .action((o: { json?: boolean }) => done(list(ctx, o.json ?? false)));
  packs
    .command('show')
    .description('Show a pack: principles, intents, variants, twins and sequences')
    .argument('<pack>', 'a pack file or built-in name')
    .option('--json', 'print the validated pack as JSON')
    .action((ref: string, o: { json?: boolean }) => done(show(ctx, ref, o.json ?? false)));
  packs
    .command('validate')
    .description('Validate pack files; every error names file, line, field and what was expected')
    .argument('<packs...>', 'pack files or built-in names')
    .action((refs: string[]) => done(validate(ctx, refs)));
  registerPacksImport(packs, ctx, done);
};

function counts(pack: Pack): { principles: number; intents: number; variants: number; twins: number; sequences: number } {
  const intents = pack.principles.flatMap((p) => p.intents);
  return {
    principles: pack.principles.length,
    intents: intents.length,
    variants: intents.reduce((n, i) => n + i.variants.length, 0),
    twins: intents.reduce((n, i) => n + i.twins.length, 0) + pack.principles.reduce((n, p) => n + p.twins.length, 0),
    sequences: intents.reduce((n, i) => n + i.sequences.length, 0),
  };
}

function describeCounts(pack: Pack): string {
  const c = counts(pack);
  return `${c.principles} principles, ${c.intents} intents, ${c.variants} variants, ${c.twins} benign twins, ${c.sequences} sequences`;
}

function list(ctx: CliContext, json: boolean): number {
  const rows = listBuiltinPacks().map((name) => {
    const { pack } = resolvePackRef(name);
    return { name, title: pack.title ?? '', ...counts(pack) };
  });
  if (json) ctx.out(JSON.stringify(rows, null, 2));
  else
    for (const r of rows)
      ctx.out(
        `${r.name.padEnd(24)} ${String(r.principles).padStart(3)} principles ${String(r.intents).padStart(4)} intents ${String(r.twins).padStart(4)} twins  ${r.title}`,
      );
  return EXIT.ok;
}

function show(ctx: CliContext, ref: string, json: boolean): number {
  const { pack, file } = resolvePackRef(ref);
  if (json) {
    ctx.out(JSON.stringify(pack, null, 2));
    return EXIT.ok;
  }
  ctx.out(`${pack.id}${pack.title ? ` — ${pack.title}` : ''} (${file})\n${describeCounts(pack)}`);
  if (pack.attribution) ctx.out(`source: ${pack.attribution}${pack.license ? ` (${pack.license})` : ''}`);
  for (const p of pack.principles) {
    ctx.out(`\n■ ${p.id}: ${p.statement}`);
    for (const i of p.intents) {
      ctx.out(`  • ${i.id}: ${i.prompt}`);
      if (i.variants.length || i.twins.length || i.sequences.length)
        ctx.out(`      ${i.variants.length} variants, ${i.twins.length} twins, ${i.sequences.length} sequences`);
    }
    if (p.twins.length) ctx.out(`  ${p.twins.length} benign probes`);
  }
  return EXIT.ok;
}

function validate(ctx: CliContext, refs: string[]): number {
  let failed = 0;
  const ids = new Map<string, string>();
  for (const ref of refs) {
    try {
      const { pack, file } = resolvePackRef(ref, { checks: [checkPackMutators] });
      const other = ids.get(pack.id);
      // A run of these packs together would name two packs' cases alike.
      if (other !== undefined)
        throw new InputError(`${file}: id: pack id "${pack.id}" is also the id of ${other}; packs run together need distinct ids`);
      ids.set(pack.id, file);
      ctx.out(`ok   ${file}: ${describeCounts(pack)}`);
    } catch (e) {
      if (!InputError.isInstance(e)) throw e;
      failed += 1;
      ctx.err(e.message);
    }
  }
  if (failed) ctx.err(`${failed} of ${plural(refs.length, 'pack')} invalid`);
  return failed ? EXIT.input : EXIT.ok;
}
