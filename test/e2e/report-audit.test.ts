import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { useTmpDir } from '../helpers/tmp-dir.js';

const tmp = useTmpDir();

it('audit → --write-splits → run: cases become seen, the HTML report carries the audit section, and a bad audit file is exit 3', async () => {
  const d = tmp();
  const db = join(d, 'd.db');
  const audit = await cli([
    'audit',
    'phishing-credentials',
    '--corpus',
    'packs/phishing-credentials.yaml',
    '--format',
    'text',
    '--out',
    join(d, 'audit'),
    '--write-splits',
    '--db',
    db,
  ]);
  expect(audit.code, audit.stderr).toBe(0);
  const run = await cli([
    'run',
    'phishing-credentials',
    '--target',
    'scripted:refuse-all',
    '--judge',
    'rules',
    '--mutate',
    'base64',
    '--db',
    db,
    '--out',
    join(d, 'out'),
    '--audit',
    join(d, 'audit', 'audit.json'),
  ]);
  expect(run.code, run.stderr).toBe(0);
  const html = readFileSync(join(d, 'out', 'report.html'), 'utf8');
  expect(html).toContain('id="contamination-audit"');
  const results = readFileSync(join(d, 'out', 'results.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { case: { kind: string; split: string } });
  // the pack file itself is the corpus, so every authored prompt is contaminated → seen
  expect(results.filter((r) => r.case.kind === 'prompt').every((r) => r.case.split === 'seen')).toBe(true);
  const bad = await cli(['report', 'latest', '--db', db, '--format', 'html', '--audit', join(d, 'out', 'run.json')]);
  expect(bad.code).toBe(3);
  expect(bad.stderr).toMatch(/expected an audit\.json/);
});
