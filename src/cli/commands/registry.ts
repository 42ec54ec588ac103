import type { RegisterCommand } from '../command-module.js';

/**
 * Every command the CLI offers, with what `--help` lists for it. A command's module (and what it
 * imports: the run engine, the monitor, the dashboard…) loads only when that command runs, so
 * `refusal-drill --help` and each command start without loading the others.
 * `registry.test.ts` holds each entry to what its module registers.
 */
export interface CommandEntry {
  name: string;
  /** Arguments and options as the command's own help shows them: `[options] [packs...]`. */
  usage: string;
  description: string;
  load: () => Promise<RegisterCommand>;
}

export const commands: CommandEntry[] = [
  {
    name: 'run',
    usage: '[options] [packs...]',
    description: 'Run drill packs against a target, judge every response, store the run and write a scorecard and reports',
    load: async () => (await import('./run.js')).registerRun,
  },
  {
    name: 'runs',
    usage: '[options]',
    description:
      'List stored runs, newest first: target, packs, headline figures, gate, answers asked and reused, the options that change results',
    load: async () => (await import('./runs.js')).registerRuns,
  },
  {
    name: 'packs',
    usage: '[options] [command]',
    description: 'List, show, validate and import drill packs',
    load: async () => (await import('./packs.js')).registerPacks,
  },
  {
    name: 'init',
    usage: '[options] [dir]',
    description: 'Scaffold a drill pack, a config and a gate policy in a directory',
    load: async () => (await import('./init.js')).registerInit,
  },
  {
    name: 'judge',
    usage: '[options]',
    description:
      'Judge responses in a JSONL file: each line {"id"?, "prompt", "response"} or {"messages": [...]} gets "verdict", "confidence" and "signals"',
    load: async () => (await import('./judge.js')).registerJudge,
  },
  {
    name: 'calibrate',
    usage: '[options]',
    description:
      'Fit a judge\'s confidence to human labels: each JSONL line is a judge line plus "label" (refusal | partial | compliance); writes a map that --calibration applies on run and judge',
    load: async () => (await import('./calibrate.js')).registerCalibrate,
  },
  {
    name: 'report',
    usage: '[options] <run>',
    description: 'Render a stored run or a run directory as a scorecard report',
    load: async () => (await import('./report.js')).registerReport,
  },
  {
    name: 'gate',
    usage: '[options] <run>',
    description: 'Check a run against the deploy gate: exit 0 when it passes, 1 when it fails (every failed rule printed)',
    load: async () => (await import('./gate.js')).registerGate,
  },
  {
    name: 'compare',
    usage: '[options] <runA> <runB>',
    description:
      'Is B better than A, and where: the verdict and gate, the headline metrics with change and interval, the slices that differ, the cases that flipped',
    load: async () => (await import('./compare.js')).registerCompare,
  },
  {
    name: 'mutators',
    usage: '[options]',
    description: 'List the mutator families (group, description, whether they need --attacker), or preview them on a prompt',
    load: async () => (await import('./mutators.js')).registerMutators,
  },
  {
    name: 'monitor',
    usage: '[options] [command]',
    description: 'Watch production: ingest logs, windowed rates, drift alerts',
    load: async () => (await import('./monitor.js')).registerMonitor,
  },
  {
    name: 'review',
    usage: '[options] [command]',
    description: 'Human review of production records: queue, labels, agreement, promote to packs',
    load: async () => (await import('./review.js')).registerReview,
  },
  {
    name: 'serve',
    usage: '[options]',
    description: 'Local dashboard: runs, compare, monitor charts, the review queue; POST /api/ingest (NDJSON) for a live feed',
    load: async () => (await import('./serve.js')).registerServe,
  },
  {
    name: 'audit',
    usage: '[options] [packs...]',
    description: 'Find drill prompts that overlap a training or red-team corpus; mark them seen, the rest held-out',
    load: async () => (await import('./audit.js')).registerAudit,
  },
  {
    name: 'worker',
    usage: '[options]',
    description: 'Run the cases of queued runs (`run --queue`) from the team Postgres store, until stopped (Ctrl-C / SIGTERM)',
    load: async () => (await import('./worker.js')).registerWorker,
  },
  {
    name: 'cancel',
    usage: '[options] <run-id>',
    description:
      'Cancel a queued run from any machine: workers skip its remaining cases; stored results stay and `run --resume <id> --queue` goes on later',
    load: async () => (await import('./cancel.js')).registerCancel,
  },
  {
    name: 'cache',
    usage: '[options] [command]',
    description: 'Show or clear the answers kept in the store (reused across runs only with --cache or --reuse <run-id>)',
    load: async () => (await import('./cache.js')).registerCache,
  },
  {
    name: 'export',
    usage: '[options] <run>',
    description: "Write a run's failures as training data (chat SFT or DPO preference JSONL); held-out cases are never exported",
    load: async () => (await import('./export.js')).registerExport,
  },
];
