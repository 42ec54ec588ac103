/**
 * `npm run bench`: runs every benchmark in scripts/bench/ and prints its figures.
 * Figures are per-item costs and ratios so they compare across machines; the machine is printed too.
 * Select some with `npm run bench -- run judge`.
 */
import { cpus, totalmem } from 'node:os';
import { bench as audit } from './bench/audit.js';
import { bench as cli } from './bench/cli-scale.js';
import { bench as read } from './bench/cli-read.js';
import { bench as deps } from './bench/deps.js';
import { bench as distributed } from './bench/distributed.js';
import { bench as judge } from './bench/judge.js';
import { bench as monitor } from './bench/monitor.js';
import { bench as run } from './bench/run.js';
import { bench as scorecard } from './bench/scorecard.js';

const all: Record<string, () => Promise<Record<string, string | number>>> = {
  run,
  cli,
  read,
  judge,
  scorecard,
  deps,
  audit,
  monitor,
  distributed,
};
const wanted = process.argv.slice(2);
const names = wanted.length ? wanted : Object.keys(all);

console.log(
  `refusal-drill bench — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
);
for (const name of names) {
  const fn = all[name];
  if (!fn) {
    console.error(`unknown bench "${name}" (have: ${Object.keys(all).join(', ')})`);
    process.exitCode = 2;
    continue;
  }
  console.log(`\n## ${name}`);
  const figures = await fn();
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(width)}  ${v}`);
}
