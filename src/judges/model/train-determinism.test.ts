import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../../../test/helpers/tmp-dir.js';
import { packageRoot } from '../../util/index.js';

const run = promisify(execFile);
const tmp = useTmpDir('rd-train-');

async function train(out: string, limit: number): Promise<string> {
  await run(process.execPath, ['--import', 'tsx', join(packageRoot(), 'scripts/judge-train.ts'), '--limit', String(limit), '--out', out], {
    cwd: packageRoot(),
  });
  return readFileSync(out, 'utf8');
}

describe('npm run judge:train', () => {
  it('writes the same bytes twice from the same data, and different bytes from different data', async () => {
    const d = tmp();
    const [a, b, c] = await Promise.all([train(join(d, 'a.json'), 25), train(join(d, 'b.json'), 25), train(join(d, 'c.json'), 30)]);
    expect(a.length).toBeGreaterThan(1000);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(JSON.parse(a)).toMatchObject({
      generated: expect.stringContaining('npm run judge:train'),
      training: { rows: { 'xstest/gpt4': 25, reuter: 25, gptfuzz: 25, 'dna/GPT4': 25, rbr: 25 } },
    });
  }, 180_000);
});
