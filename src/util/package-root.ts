import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The installed package's root (where `packs/`, `models/` and `data/` live), from src or dist alike. */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'packs'))) return (cached = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('refusal-drill: cannot find the package root');
    dir = parent;
  }
}
