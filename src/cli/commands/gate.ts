import { evaluateGate, loadGatePolicy, storedGatePolicy } from '../../metrics/index.js';
import { gateLines } from '../../report/index.js';
import { summarizeRun, withRun } from '../../run/index.js';
import { resolveDbRef, DEFAULT_DB } from '../../store/index.js';
import { EXIT } from '../../spec/index.js';
import type { RegisterCommand } from '../command-module.js';
import { DB_HELP } from '../parse-options.js';
import { loadProjectConfig } from '../project-config.js';

const paint = (on: boolean, code: number) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

export const registerGate: RegisterCommand = (program, ctx, done) => {
  program
    .command('gate')
    .description('Check a run against the deploy gate: exit 0 when it passes, 1 when it fails (every failed rule printed)')
    .argument('<run>', 'run id, unique id prefix, `latest`, or a run directory')
    .option(
      '--policy <file>',
      "YAML gate policy (default: the policy the run was gated under, else refusal-drill.yaml's gate here, else the documented one, docs/gate.md)",
    )
    .option('--db <file|url>', DB_HELP, DEFAULT_DB)
    .option('--json', 'print the gate result as JSON')
    .action(async (ref: string, o: { policy?: string; db: string; json?: boolean }) => {
      const { run, scorecard, results, errors } = await withRun(
        ref,
        { db: resolveDbRef({ flag: o.db, env: ctx.env }) },
        ({ run, source }) => summarizeRun(source, run.id),
      );
      const configured = o.policy === undefined ? (await loadProjectConfig(ctx.cwd))?.config.gate : undefined;
      const policy =
        (o.policy === undefined ? storedGatePolicy(run) : undefined) ??
        loadGatePolicy(o.policy ?? (typeof configured === 'string' ? configured : undefined));
      const gate = evaluateGate(scorecard, policy);
      if (o.json) ctx.out(JSON.stringify({ runId: run.id, ...gate }, null, 2));
      else {
        const color = ctx.isTTY && !ctx.env['NO_COLOR'];
        ctx.out(gateLines(gate, { bad: paint(color, 31), good: paint(color, 32), dim: paint(color, 2) }).join('\n'));
        if (errors) ctx.err(`note: ${errors} of ${results} cases ended in an error; they are left out of every rate`);
      }
      done(gate.passed ? EXIT.ok : EXIT.gateFailed);
    });
};
