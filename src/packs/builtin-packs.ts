import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { InputError } from '../spec/index.js';
import type { Pack } from '../spec/index.js';
import { packageRoot } from '../util/index.js';
import { loadPack, type PackLoadOptions } from './load-pack.js';

export function builtinPackDir(): string {
  return join(packageRoot(), 'packs');
}

/** Names of the packs shipped in `packs/` (file names without `.yaml`). */
export function listBuiltinPacks(): string[] {
  return readdirSync(builtinPackDir())
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .map((f) => basename(f).replace(/\.ya?ml$/, ''))
    .sort();
}

export interface ResolvedPack {
  pack: Pack;
  /** The file it came from; builtins resolve to their file in the package. */
  file: string;
  builtin: boolean;
}

/** A pack file path, or the name of a built-in pack. */
export function resolvePackRef(ref: string, o: PackLoadOptions = {}): ResolvedPack {
  if (existsSync(ref)) return { pack: loadPack(ref, o), file: ref, builtin: false };
  for (const ext of ['.yaml', '.yml']) {
    const file = join(builtinPackDir(), `${ref}${ext}`);
    if (existsSync(file)) return { pack: loadPack(file, o), file, builtin: true };
  }
  throw new InputError(`no pack file "${ref}" and no built-in pack of that name (built-in: ${listBuiltinPacks().join(', ')})`);
}

export function resolvePack(ref: string, o: PackLoadOptions = {}): Pack {
  return resolvePackRef(ref, o).pack;
}
