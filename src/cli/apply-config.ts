import type { Command } from 'commander';
import type { DrillConfig } from '../api/index.js';
import { InputError } from '../spec/index.js';

// Config fields under the name of the `run` option they stand for (the rest share their name).
const OPTION_OF: Partial<Record<keyof DrillConfig, string>> = { timeoutMs: 'timeout' };

/**
 * `run --config <file>`: the file's values for every option not given on the command line, and its
 * packs when none are. Objects (a Target, a Judge, an inline pack) work with runDrill() only.
 */
export async function applyConfig<O extends object>(
  file: string,
  refs: string[],
  opts: O,
  cmd: Command,
): Promise<{ refs: string[]; opts: O }> {
  // The library loads only when a config is given: a run from flags alone never pays for it.
  const { loadConfig } = await import('../api/index.js');
  const config = await loadConfig(file);
  const out: Record<string, unknown> = { ...(opts as Record<string, unknown>) };
  for (const [key, value] of Object.entries(config)) {
    if (key === 'packs' || value === undefined) continue;
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      throw new InputError(`${file}: ${key}: an object works with runDrill() only; the CLI needs a spec string`);
    const option = OPTION_OF[key as keyof DrillConfig] ?? key;
    if (cmd.getOptionValueSource(option) === 'cli') continue;
    out[option] = value;
    // So a resume checks the file's values as it checks flags (run.ts, askedOf).
    cmd.setOptionValueWithSource(option, value, 'config');
  }
  if (refs.length > 0) return { refs, opts: out as O };
  const packs = config.packs.map((p, i) => {
    if (typeof p !== 'string') throw new InputError(`${file}: packs[${i}]: an inline pack works with runDrill() only; name a pack file`);
    return p;
  });
  return { refs: packs, opts: out as O };
}
