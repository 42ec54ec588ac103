import { loadCalibration, saveCalibration, applySteps, calibratableIds, checkCalibrationFits } from '../../judges/index.js';
import { openMonitorAndReview, fitReviewCalibration, PRIOR_LABELS, type CalibrationBin } from '../../review/index.js';
import { EXIT, InputError, UsageError } from '../../spec/index.js';
import { resolveDbRef } from '../../store/index.js';
import type { CliContext } from '../context.js';
import { describeCalibration } from '../describe-calibration.js';

interface ReviewCalibrateOptions {
  in?: string;
  out: string;
  judge: string;
  db: string;
  prior?: string;
}

/**
 * The review queue holds flagged records and a few random ones per day × verdict: not the traffic's
 * mix. Each labelled record stands for the records of its stratum (population / labelled), so the
 * map estimates the judge's accuracy on what it judged, not on what reviewers were shown. Too few
 * labels of either verdict and nothing is written; otherwise each bin is shrunk toward the judge's
 * offline calibration (see review-calibration.ts) and printed with its interval.
 */
export async function calibrateFromReview(o: ReviewCalibrateOptions, ctx: CliContext): Promise<number> {
  if (o.in) throw new UsageError('give either --in <labelled.jsonl> or --from-review, not both');
  const judge = calibratableIds(o.judge)[0]!;
  const offline = o.prior ? loadCalibration(o.prior) : undefined;
  if (offline) checkCalibrationFits(o.judge, offline);
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
  const priorName = offline ? `the map in ${o.prior}` : `${judge}'s stated confidence (its offline calibration)`;
  const fit = fitReviewCalibration({
    judge,
    rows,
    prior: offline ? (c) => applySteps(offline.steps, c) : (c) => c,
    source: `review:${o.db} (shrunk toward ${offline ? o.prior : 'stated confidence'}, ${PRIOR_LABELS} labels a bin)`,
  });
  const flagged = rows.filter((r) => r.reason !== 'sample').length;
  ctx.err(
    `review labels: ${rows.length} (${rows.length - flagged} sampled, ${flagged} flagged; ${fit.counts.refusal} on refusals, ${fit.counts.answer} on answers)`,
  );
  if (!fit.ok) {
    ctx.err(`no calibration written: ${fit.reason}`);
    ctx.err('label more in the dashboard (refusal-drill serve), marking the judge right or wrong, then run this again');
    return EXIT.input;
  }
  const records = rows.reduce((n, r) => n + r.population / r.labelled, 0);
  ctx.err(
    `standing for ${Math.round(records)} records of ${judge}; each bin shrunk toward ${priorName} as if it were ${PRIOR_LABELS} labels`,
  );
  for (const w of fit.warnings) ctx.err(`warning: ${w}`);
  for (const line of binTable(fit.bins)) ctx.err(line);
  saveCalibration(o.out, fit.calibration);
  for (const line of describeCalibration(fit.calibration, 0)) ctx.err(line);
  ctx.err(`wrote ${o.out}; apply it with --calibration ${o.out} on monitor ingest, serve, run or judge`);
  return EXIT.ok;
}

const p1 = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** Each confidence bin: what the judge said, what reviewers found with its 95% interval, the prior, and the map. */
function binTable(bins: CalibrationBin[]): string[] {
  return [
    `${'stated'.padEnd(10)}${'labels'.padStart(7)}${'eff. n'.padStart(8)}${'says'.padStart(8)}  ${'right (95% CI)'.padEnd(24)}${'prior'.padStart(7)}${'map'.padStart(7)}`,
    ...bins.map(
      (b) =>
        `${`${b.from.toFixed(1)}–${b.to.toFixed(1)}`.padEnd(10)}${String(b.labels).padStart(7)}${b.effectiveN.toFixed(1).padStart(8)}${p1(b.stated).padStart(8)}  ${`${p1(b.right)} (${p1(b.ci[0])}–${p1(b.ci[1])})`.padEnd(24)}${p1(b.prior).padStart(7)}${p1(b.mapped).padStart(7)}`,
    ),
  ];
}
