import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { useTmpDir } from '../helpers/tmp-dir.js';

const tmp = useTmpDir('rd-config-');
const INDEX = join(import.meta.dirname, '..', '..', 'src', 'index.ts');

it('run --config reads a defineConfig module; flags override it; a bad field is exit 3 naming it', async () => {
  const d = tmp();
  const file = join(d, 'refusal-drill.config.mjs');
  // The module imports defineConfig as a user's would (here from source: the package is not installed).
  writeFileSync(
    file,
    `import { defineConfig } from ${JSON.stringify(INDEX)};
export default defineConfig({ packs: ['phishing-credentials'], target: 'scripted:refuse-all', judge: 'rules', out: ${JSON.stringify(join(d, 'out'))} });
`,
  );
  const r = await cli(['run', '--config', file, '--db', join(d, 'd.db')]);
  expect(r.code, r.stderr).toBe(0);
  const card = (dir: string) =>
    JSON.parse(readFileSync(join(d, dir, 'scorecard.json'), 'utf8')) as { target: string; packs: string[]; options: { judge: string } };
  expect(card('out')).toMatchObject({ target: 'scripted:refuse-all', packs: ['phishing-credentials'], options: { judge: 'rules' } });
  const o = await cli([
    'run',
    'self-harm',
    '--config',
    file,
    '--target',
    'scripted:comply-all',
    '--db',
    join(d, 'd.db'),
    '--out',
    join(d, 'flags'),
  ]);
  expect(o.code, o.stderr).toBe(0);
  expect(card('flags')).toMatchObject({ target: 'scripted:comply-all', packs: ['self-harm'], options: { judge: 'rules' } });

  const bad = join(d, 'bad.json');
  writeFileSync(bad, JSON.stringify({ packs: ['xstest'], target: 'replay:xstest/gpt4', samples: 0 }));
  const b = await cli(['run', '--config', bad, '--db', join(d, 'd.db')]);
  expect(b.code).toBe(3);
  expect(b.stderr).toContain(`${bad}: samples: Too small`);
  const obj = join(d, 'object.mjs');
  writeFileSync(obj, `export default { packs: ['xstest'], target: { id: 'mine', generate: async () => ({}) } };\n`);
  const c = await cli(['run', '--config', obj, '--db', join(d, 'd.db')]);
  expect(c.code).toBe(3);
  expect(c.stderr).toContain(`${obj}: target: an object works with runDrill() only`);
});
