import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
// Inside the repo (ESLint lints nothing outside its cwd); removed afterwards.
const dir = join(ROOT, 'test', 'lint', `.cycle-${process.pid}`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the lint configuration', () => {
  it('reports an import cycle between TypeScript files (the rule once saw no dependency at all)', async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a.ts'), "import { b } from './b.js';\nexport const a = (): number => b() + 1;\n");
    writeFileSync(
      join(dir, 'b.ts'),
      "import { a } from './a.js';\nexport const b = (): number => 1;\nexport const c = (): number => a();\n",
    );
    writeFileSync(join(dir, 'c.ts'), "import { b } from './b.js';\nexport const d = (): number => b();\n");
    const results = await new ESLint({ cwd: ROOT }).lintFiles([join(dir, '*.ts')]);
    const cycles = Object.fromEntries(
      results.map((r) => [r.filePath.slice(dir.length + 1), r.messages.filter((m) => m.ruleId === 'import-x/no-cycle').length]),
    );
    expect(cycles).toEqual({ 'a.ts': 1, 'b.ts': 1, 'c.ts': 0 });
  }, 60_000);
});
