import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { cli } from '../helpers/cli.js';
import { useTmpDir } from '../helpers/tmp-dir.js';

const tmp = useTmpDir('rd-ci-');
const DOC = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'ci.md'), 'utf8');
const blocks = [...DOC.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1] ?? '') as unknown);

const step = z.object({
  name: z.string().optional(),
  run: z.string().optional(),
  uses: z.string().optional(),
  with: z.record(z.string(), z.unknown()).optional(),
});
const github = z.object({ jobs: z.object({ drill: z.object({ steps: z.array(step) }) }) });
const gitlab = z.object({
  'refusal-drill': z.object({
    variables: z.object({ DRILL_TARGET: z.string() }),
    script: z.array(z.string()),
    after_script: z.array(z.string()),
    artifacts: z.object({ when: z.literal('always'), paths: z.array(z.string()), reports: z.object({ junit: z.string() }) }),
  }),
});

/** The drill command as a CI shell would split it, with `npx refusal-drill` left off and its `--out` under `dir`. */
function drillArgs(line: string, o: { target: string; dir: string }): string[] {
  const args = [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
  expect(args.slice(0, 2)).toEqual(['npx', 'refusal-drill']);
  return args.slice(2).map((a, i, all) => (a.includes('DRILL_TARGET') ? o.target : all[i - 1] === '--out' ? join(o.dir, a) : a));
}

describe('docs/ci.md', () => {
  it('has a GitHub Actions workflow that drills, gates, uploads report.html and comments report.md', () => {
    const wf = github.parse(blocks[0]);
    const steps = wf.jobs.drill.steps;
    const drill = steps.find((s) => s.name === 'Drill')?.run ?? '';
    expect(drill).toMatch(/--gate/);
    expect(drill).toContain("vars.DRILL_TARGET || 'replay:xstest/gpt4'");
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact'));
    expect(String(upload?.with?.['path'])).toContain('drill/report.html');
    expect(steps.find((s) => s.run?.includes('gh pr comment'))?.run).toContain('--body-file drill/report.md');
  });

  it('has a GitLab CI job that reads junit.xml, keeps report.html and posts report.md', () => {
    const job = gitlab.parse(blocks[1])['refusal-drill'];
    expect(job.artifacts.reports.junit).toBe('drill/junit.xml');
    expect(job.artifacts.paths).toContain('drill/report.html');
    expect(job.after_script.join('\n')).toContain('body@drill/report.md');
    expect(job.variables.DRILL_TARGET).toBe('replay:xstest/gpt4');
  });

  it('the drill command, run as written with the replay target, writes every file the steps after it read', async () => {
    const wf = github.parse(blocks[0]);
    const line = wf.jobs.drill.steps.find((s) => s.name === 'Drill')?.run ?? '';
    const gl = gitlab.parse(blocks[1])['refusal-drill'];
    expect(gl.script[1]).toBe(line.replace(/"\$\{\{[^}]*\}\}"/, '"$DRILL_TARGET"'));
    const dir = tmp();
    const r = await cli([...drillArgs(line, { target: 'replay:xstest/gpt4', dir }), '--db', join(dir, 'd.db')]);
    // The recorded GPT-4 over-refuses XSTest's safe prompts: the gate fails, as the doc says.
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/✗ over_refusal_rate/);
    for (const f of ['report.html', 'report.md', 'junit.xml', 'scorecard.json']) expect(existsSync(join(dir, 'drill', f)), f).toBe(true);
    expect(readFileSync(join(dir, 'drill', 'report.md'), 'utf8')).toMatch(/^## refusal-drill: ❌ gate failed/);
  });
});
