import { saveCalibration, fitCalibration, calibratableIds } from '../../judges/index.js';
import { openMonitorAndReview, reviewOutcomes } from '../../review/index.js';
import { EXIT, InputError, UsageError } from '../../spec/index.js';
import { resolveDbRef } from '../../store/index.js';
import type { CliContext } from '../context.js';
import { describeCalibration } from '../describe-calibration.js';

interface ReviewCalibrateOptions {
  in?: string;
  out: string;
  judge: string;
  minBlock: number;
  db: string;
}

/**
 * The review queue holds flagged records and a few random ones per day × verdict: not the traffic's
 * mix. Each labelled record stands for the records of its stratum (population / labelled), so the
 * map estimates the judge's accuracy on what it judged, not on what reviewers were shown.
 */
export async function calibrateFromReview(o: ReviewCalibrateOptions, ctx: CliContext): Promise<number> {
  if (o.in) throw new UsageError('give either --in <labelled.jsonl> or --from-review, not both');
  const judge = calibratableIds(o.judge)[0]!;
  const ref = resolveDbRef({ flag: o.db, env: ctx.env });
  const opened = await openMonitorAndReview(ref);
  let rows;
  try {
    rows = (await opened.review.calibrationRows(judge)).filter((r) => r.population > 0);
  } finally {
    await opened.close();
  }
  if (rows.length === 0)
    throw new InputError(
      `no reviewed records judged by ${judge} in ${o.db}: label some in the dashboard (refusal-drill serve) or with refusal-drill review label, marking the judge right or wrong`,
    );
  const outcomes = reviewOutcomes(rows);
  const fit = fitCalibration({ judge, scoring: '3-class', source: `review:${o.db}`, outcomes, minBlock: o.minBlock });
  saveCalibration(o.out, fit.calibration);
  const flagged = rows.filter((r) => r.reason !== 'sample').length;
  const records = outcomes.reduce((n, x) => n + (x.weight ?? 1), 0);
  ctx.err(
    `review labels: ${rows.length} (${rows.length - flagged} sampled, ${flagged} flagged), standing for ${Math.round(records)} records of ${judge}`,
  );
  for (const line of describeCalibration(fit.calibration, 0)) ctx.err(line);
  ctx.err(`wrote ${o.out}; apply it with --calibration ${o.out} on monitor ingest, serve, run or judge`);
  return EXIT.ok;
}
