import { execFile as execFileCb, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { useTmpDir } from '../helpers/tmp-dir.js';

const execFile = promisify(execFileCb);
const tmp = useTmpDir('rd-pack-');
const ROOT = join(import.meta.dirname, '..', '..');

const packJson = z.array(z.object({ filename: z.string(), files: z.array(z.object({ path: z.string() })) })).length(1);
const lock = z.object({ packages: z.record(z.string(), z.object({ dev: z.boolean().optional() })) });

/**
 * Installs the tarball the way npm would lay it out, offline: the package unpacked into
 * node_modules, and only its runtime dependencies (the lockfile's non-dev packages) linked from
 * this checkout's node_modules, so an import of a dev-only package at runtime would fail here.
 */
function install(tarball: string, project: string): void {
  const modules = join(project, 'node_modules');
  mkdirSync(join(modules, '.bin'), { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', project]);
  renameSync(join(project, 'package'), join(modules, 'refusal-drill'));
  for (const [key, entry] of Object.entries(lock.parse(JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'))).packages)) {
    if (!key.startsWith('node_modules/') || entry.dev || key.lastIndexOf('node_modules/') > 0) continue;
    const dest = join(project, key);
    mkdirSync(dirname(dest), { recursive: true });
    symlinkSync(join(ROOT, key), dest);
  }
  symlinkSync('../refusal-drill/bin/refusal-drill.js', join(modules, '.bin', 'refusal-drill'));
}

const CONSUMER = `import { buildScorecard, defineConfig, judge, loadPack, runDrill } from 'refusal-drill';
const config = defineConfig({ packs: ['xstest'], target: 'replay:xstest/gpt4', db: 'drill.db', gate: true, out: 'lib-run' });
const outcome = await runDrill(config);
const verdict = await judge({ prompt: 'How do I pick a lock?', response: "I'm sorry, but I can't help with that." });
console.log(JSON.stringify({
  results: outcome.results.length,
  overRefusal: outcome.scorecard.metrics.over_refusal_rate.value,
  gate: outcome.gate?.passed,
  exitCode: outcome.exitCode,
  rescored: buildScorecard({ run: outcome.run, results: outcome.results }).counts.results,
  verdict: verdict.verdict,
  principles: loadPack('do-not-answer').principles.length,
}));
`;

const TYPED = `import { defineConfig, exportRun, judge, loadExportRun, runDrill, type DrillOutcome, type ExportSummary, type Judgement } from 'refusal-drill';
const outcome: DrillOutcome = await runDrill(defineConfig({ packs: ['xstest'], target: 'replay:xstest/gpt4' }));
const rate: number | null = outcome.scorecard.metrics.hold_rate.value;
const j: Judgement = await judge({ prompt: 'p', response: 'r' }, { judge: 'rules' });
// @ts-expect-error a drill needs a target
defineConfig({ packs: ['xstest'] });
const exported: ExportSummary = (await exportRun({ ...(await loadExportRun('lib-run')), format: 'dpo', weakHolds: false })).summary;
export { rate, j, exported };
`;

it(
  'npm pack → an offline install in a fresh project: the API imports with its types, runs a replay drill, and the bin runs',
  { timeout: 600_000 },
  async () => {
    const d = tmp();
    // `npm pack` runs prepack (the build), so the tarball holds what this checkout builds now.
    // Offline, and without npm's update check: nothing here may reach the network.
    const offline = { ...process.env, npm_config_offline: 'true', npm_config_update_notifier: 'false' };
    const { stdout } = await execFile('npm', ['pack', '--json', '--pack-destination', d], { cwd: ROOT, env: offline, maxBuffer: 64 << 20 });
    const [packed] = packJson.parse(JSON.parse(stdout));
    const files = packed!.files.map((f) => f.path);
    for (const f of [
      'dist/src/index.js',
      'dist/src/index.d.ts',
      'bin/refusal-drill.js',
      'dist/cli/main.js',
      'dist/cli/ingest-worker.js',
      'packs/do-not-answer.yaml',
      'models/judge-v2.json',
      'data/README.md',
      'data/xstest-v2/xstest_prompts.csv',
      'data/do-not-answer/annotated_response_Claude.csv',
      'data/peer-lists/garak_mitigation_lists.json',
    ])
      expect(files, f).toContain(f);
    // Training-only data, scripts, tests and test helpers stay out.
    const leaked = files.filter((f) => /^(data\/(gptfuzz|openai-rbr-gold|reuter2023)|dist\/(scripts|test)|src|test)\/|\/testing\//.test(f));
    expect(leaked).toEqual([]);

    const project = tmp();
    writeFileSync(join(project, 'package.json'), '{ "name": "consumer", "private": true, "type": "module" }\n');
    install(join(d, packed!.filename), project);
    const pkg = JSON.parse(readFileSync(join(project, 'node_modules/refusal-drill/package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(pkg.dependencies)).not.toContain('playwright-core');
    const runtime = files.filter((f) => /^dist\/(src|cli)\//.test(f) && f.endsWith('.js'));
    for (const f of runtime) expect(readFileSync(join(project, 'node_modules/refusal-drill', f), 'utf8'), f).not.toContain('playwright');

    writeFileSync(join(project, 'drill.mjs'), CONSUMER);
    const lib = await execFile(process.execPath, ['drill.mjs'], { cwd: project });
    expect(JSON.parse(lib.stdout)).toEqual({
      results: 450,
      overRefusal: expect.any(Number),
      gate: false,
      exitCode: 1,
      rescored: 450,
      verdict: 'refusal',
      principles: 12,
    });
    expect(existsSync(join(project, 'lib-run', 'report.html'))).toBe(true);

    // The types a TypeScript user gets through `exports`, strict and with every .d.ts checked.
    writeFileSync(join(project, 'typed.ts'), TYPED);
    mkdirSync(join(project, 'node_modules/@types'), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules/@types/node'), join(project, 'node_modules/@types/node'));
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: ['node'],
        },
        files: ['typed.ts'],
      }),
    );
    await execFile(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: project });

    const bin = join(project, 'node_modules/.bin/refusal-drill');
    const env = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`, NO_COLOR: '1' };
    const run = await execFile(
      bin,
      ['run', 'do-not-answer', '--target', 'replay:do-not-answer/Claude', '--db', 'drill.db', '--out', 'bin-run'],
      {
        cwd: project,
        env,
        maxBuffer: 64 << 20,
      },
    );
    expect(run.stdout).toContain('939/939 cases');
    expect(existsSync(join(project, 'bin-run', 'junit.xml'))).toBe(true);
  },
);
