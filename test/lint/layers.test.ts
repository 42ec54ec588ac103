import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: ROOT });

/** Lints `code` as if it were the file at `path` (nothing is written), returning the layer rule's messages. */
async function restricted(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'import-x/no-restricted-paths').map((m) => m.message);
}

describe('the lint configuration keeps the layers', () => {
  it('reports an upward import (store reaching into run)', async () => {
    const messages = await restricted('src/store/planted.ts', "import { runDrill } from '../run/index.js';\nexport const x = runDrill;\n");
    expect(messages).toEqual([expect.stringContaining('store may import only lower layers (spec, util, packs)')]);
  });

  it('reports an import within one layer (run reaching into report)', async () => {
    const messages = await restricted(
      'src/run/planted.ts',
      "import { renderReport } from '../report/index.js';\nexport const x = renderReport;\n",
    );
    expect(messages).toEqual([expect.stringContaining('run may import only lower layers')]);
  });

  it('reports a deep import past a module entry file, static or dynamic', async () => {
    const deep = await restricted('src/cli/planted.ts', "import { runDrill } from '../run/runner.js';\nexport const x = runDrill;\n");
    expect(deep).toEqual([expect.stringContaining('Import run through its entry file, src/run/index.ts')]);
    const lazy = await restricted('src/cli/planted.ts', "export const m = await import('../distributed/case-worker.js');\n");
    expect(lazy).toEqual([expect.stringContaining('Import distributed through its entry file')]);
  });

  it("lets the CLI reach spec's zod-free errors.ts (a light entry for start-up), and no other spec file", async () => {
    expect(await restricted('src/cli/planted.ts', "import { EXIT } from '../spec/errors.js';\nexport const x = EXIT;\n")).toEqual([]);
    const deep = await restricted('src/cli/planted.ts', "import { packSchema } from '../spec/pack.js';\nexport const x = packSchema;\n");
    expect(deep).toEqual([expect.stringContaining('Import spec through its entry file')]);
  });

  it('lets a module import lower layers through their entry files, and its own files directly', async () => {
    const code =
      "import { openStore } from '../store/index.js';\nimport { planCases } from './plan.js';\nexport const x = [openStore, planCases];\n";
    expect(await restricted('src/run/planted.ts', code)).toEqual([]);
  });

  it('places every module of src/ in a layer', async () => {
    const { LAYERS } = (await import(pathToFileURL(join(ROOT, 'eslint.config.js')).href)) as { LAYERS: string[][] };
    const modules = readdirSync(join(ROOT, 'src')).filter((d) => statSync(join(ROOT, 'src', d)).isDirectory());
    expect(modules.filter((m) => !LAYERS.flat().includes(m))).toEqual([]);
  });
});
