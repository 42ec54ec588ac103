/**
 * One audit of a generated corpus, in a process of its own so its peak RSS is its own.
 * argv: <corpus file> <seed>; prints one JSON line of figures.
 */
import { auditCorpus } from '../../src/audit/audit-corpus.js';
import { scoreDetectors } from '../../test/helpers/audit/detector-scores.js';
import { benchPlantedSet } from './audit-set.js';

const [file, seedArg] = process.argv.slice(2);
const set = benchPlantedSet(Number(seedArg));
let indexMs = 0;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const report = await auditCorpus({
  prompts: set.prompts,
  corpora: [{ file: file!, format: 'jsonl', gzip: false }],
  onEvent: (e) => {
    if (e.type === 'indexed') indexMs = e.ms;
  },
});
const wall = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const corpus = report.corpora[0]!;
process.stdout.write(
  `${JSON.stringify({
    bytes: corpus.bytes,
    records: corpus.records,
    wall,
    scanSeconds: corpus.seconds,
    cpu: (cpu.user + cpu.system) / 1e6,
    indexMs,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    scores: scoreDetectors(report, set.truth),
  })}\n`,
);
