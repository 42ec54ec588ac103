/**
 * Child process of the monitor bench: ingests one file into a fresh store and prints its figures
 * as JSON, so peak RSS is this ingest's alone and not the bench harness's.
 */
import { createReadStream } from 'node:fs';
import { createJudge, DEFAULT_JUDGE } from '../../src/judges/create-judge.js';
import { ingest } from '../../src/monitor/ingest.js';
import { createIngestPool } from '../../src/monitor/ingest-pool.js';
import { loadMatcher } from '../../src/monitor/load-matcher.js';
import { sqliteMonitorStore } from '../../src/monitor/sqlite-monitor-store.js';
import { openSqliteFile } from '../../src/store/index.js';

const [file = '', dbFile = '', workersArg = '0', spec = DEFAULT_JUDGE] = process.argv.slice(2);
const workers = Number(workersArg);
const judge = createJudge(spec);
// The store first: writing workers open it as it is.
const store = openSqliteFile(dbFile);
const monitor = sqliteMonitorStore(store);
const pool = workers > 0 ? await createIngestPool({ judge: spec, size: workers, packs: null, dbPath: dbFile, write: true }) : undefined;
const matcher = pool ? undefined : loadMatcher(null);
const run = async () => {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const report = await ingest({ monitor, input: createReadStream(file), source: 'bench', judge, pool, matcher });
  const used = process.cpuUsage(cpu);
  return { report, seconds: (performance.now() - t) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
};
const first = await run();
const again = await run();
await pool?.close();
store.close();
process.stdout.write(
  JSON.stringify({
    inserted: first.report.inserted,
    malformed: first.report.malformed,
    lines: first.report.lines,
    seconds: first.seconds,
    cpuSeconds: first.cpuSeconds,
    rerunDuplicates: again.report.duplicates,
    rerunInserted: again.report.inserted,
    rerunSeconds: again.seconds,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  }),
);
