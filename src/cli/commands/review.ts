import { userInfo } from 'node:os';
import { computeAgreement, openMonitorAndReview, promoteReviewed, reliabilityByReviewer, reviewReliability } from '../../review/index.js';
import type { ReviewStore, AgreementSlice } from '../../review/index.js';
import { EXIT, UsageError } from '../../spec/index.js';
import { DEFAULT_DB, resolveDbRef } from '../../store/index.js';
import type { RegisterCommand } from '../command-module.js';
import { DB_HELP, nonNegativeInt, number, positiveInt } from '../parse-options.js';
import { plural } from '../../util/index.js';

export const registerReview: RegisterCommand = (program, ctx, done) => {
  const review = program.command('review').description('Human review of production records: queue, labels, agreement, promote to packs');
  const run = async (db: string, fn: (review: ReviewStore) => Promise<void>): Promise<void> => {
    const opened = await openMonitorAndReview(resolveDbRef({ flag: db, env: ctx.env }));
    try {
      await fn(opened.review);
    } finally {
      await opened.close();
    }
    done(EXIT.ok);
  };

  review
    .command('queue')
    .description('Add flagged records and a seeded stratified sample to the queue, and list it')
    .option('--db <file|url>', DB_HELP, DEFAULT_DB)
    .option('--seed <n>', 'sampling seed', nonNegativeInt('--seed'), 1)
    .option('--per-stratum <n>', 'random records per day × verdict', positiveInt('--per-stratum'), 5)
    .option('--status <which>', 'pending | labeled | all', 'pending')
    .option('--limit <n>', 'items to list', positiveInt('--limit'), 50)
    .option('--json', 'machine-readable output')
    .action((o: { db: string; seed: number; perStratum: number; status: string; limit: number; json?: boolean }) =>
      run(o.db, async (review) => {
        if (!['pending', 'labeled', 'all'].includes(o.status))
          throw new UsageError(`--status expects pending, labeled or all, got "${o.status}"`);
        const { added } = await review.refreshQueue({ seed: o.seed, perStratum: o.perStratum });
        const items = await review.listQueue({ status: o.status as 'pending' | 'labeled' | 'all', limit: o.limit });
        const counts = await review.queueCounts();
        if (o.json) return ctx.out(JSON.stringify({ added, counts, items }, null, 2));
        ctx.out(
          `queue: ${counts.pending} pending, ${counts.labeled} labelled (${added} added now). Label in the dashboard (refusal-drill serve) or with review label <id>.`,
        );
        for (const i of items)
          ctx.out(
            `${i.recordId}  ${i.reason.padEnd(18)} ${i.verdict.padEnd(10)} ${i.timestamp}  ${oneLine(i.prompt, 70)}${i.label ? `  [${i.label.should}, judge ${i.label.judgeCorrect === null ? '?' : i.label.judgeCorrect ? 'correct' : 'wrong'}]` : ''}`,
          );
      }),
    );

  review
    .command('label')
    .description('Label one record')
    .argument('<record>', 'record id or unique prefix')
    .requiredOption('--should <what>', 'refuse | answer: what the model should have done')
    .option('--judge <call>', 'correct | wrong: was the judge’s verdict right')
    .option('--note <text>', 'free text', '')
    .option('--reviewer <name>', 'who labels (default: REFUSAL_DRILL_REVIEWER, else your login name); stored with the label')
    .option('--db <file|url>', DB_HELP, DEFAULT_DB)
    .action((ref: string, o: { should: string; judge?: string; note: string; reviewer?: string; db: string }) =>
      run(o.db, async (review) => {
        if (o.should !== 'refuse' && o.should !== 'answer') throw new UsageError(`--should expects refuse or answer, got "${o.should}"`);
        if (o.judge !== undefined && o.judge !== 'correct' && o.judge !== 'wrong')
          throw new UsageError(`--judge expects correct or wrong, got "${o.judge}"`);
        const label = await review.saveLabel({
          recordId: await review.resolveRecordId(ref),
          should: o.should,
          judgeCorrect: o.judge === undefined ? null : o.judge === 'correct',
          note: o.note,
          reviewer: o.reviewer ?? ctx.env.REFUSAL_DRILL_REVIEWER ?? userInfo().username,
        });
        ctx.out(
          `labelled ${label.recordId}: should ${label.should}${label.judgeCorrect === null ? '' : `, judge ${label.judgeCorrect ? 'correct' : 'wrong'}`}`,
        );
      }),
    );

  review
    .command('agreement')
    .description("Judge–human agreement: Cohen's kappa, confusion, by day, by judge and by reviewer")
    .option('--db <file|url>', DB_HELP, DEFAULT_DB)
    .option('--json', 'machine-readable output')
    .action((o: { db: string; json?: boolean }) =>
      run(o.db, async (review) => {
        const a = await computeAgreement(review);
        if (o.json) return ctx.out(JSON.stringify(a, null, 2));
        ctx.out(`overall  ${slice(a.overall)}`);
        ctx.out(
          `confusion (judge × human): refused×refused ${a.overall.confusion.rr}, refused×answered ${a.overall.confusion.ra}, answered×refused ${a.overall.confusion.ar}, answered×answered ${a.overall.confusion.aa}`,
        );
        ctx.out(
          `model: ${plural(a.model.missedRefusals, 'missed refusal')}, ${plural(a.model.overRefusals, 'over-refusal')} in ${a.model.reviewed} reviewed; ${plural(a.unscored, 'label')} without a judge call`,
        );
        for (const d of a.byDay) ctx.out(`${d.key}  ${slice(d)}`);
        for (const j of a.byJudge) {
          ctx.out(`judge ${j.key}  ${slice(j)}`);
          // Stated confidence against reviewers' calls, each label weighted by its sampled stratum.
          const r = await reviewReliability(review, j.key);
          if (r)
            ctx.out(
              `  confidence: says ${pct(r.meanConfidence)}, right ${pct(r.accuracy)} weighted by stratum (ECE ${r.ece.toFixed(3)}); refit with refusal-drill calibrate --from-review --judge ${j.key}`,
            );
          const per = await reliabilityByReviewer(review, j.key);
          if (per.length > 1)
            ctx.out(
              `  by reviewer: ${per.map((p) => `${p.reviewer} finds it right ${pct(p.reliability.accuracy)} where it says ${pct(p.reliability.meanConfidence)} (${p.reliability.n} labels)`).join('; ')}`,
            );
        }
        for (const x of a.byReviewer) ctx.out(`reviewer ${x.key}  ${slice(x)}`);
      }),
    );

  review
    .command('promote')
    .description('Append reviewed records to a pack as held-out cases with provenance (comments and layout kept; validated before writing)')
    .requiredOption('--to <pack.yaml>', 'the pack file to extend')
    .option('--principle <id>', 'where records that resemble nothing in the pack go')
    .option('--min-sim <s>', 'similarity needed to join an existing intent', number('--min-sim', 0, 1), 0.35)
    .option('--only-failures', 'only records where the model did what the reviewer says it should not have')
    .option('--dry-run', 'show what would be added without writing')
    .option('--json', 'machine-readable output')
    .option('--db <file|url>', DB_HELP, DEFAULT_DB)
    .action((o: { to: string; principle?: string; minSim: number; onlyFailures?: boolean; dryRun?: boolean; json?: boolean; db: string }) =>
      run(o.db, async (review) => {
        const r = await promoteReviewed({
          review,
          packFile: o.to,
          fallbackPrinciple: o.principle,
          minSim: o.minSim,
          onlyFailures: o.onlyFailures,
          dryRun: o.dryRun,
        });
        if (o.json) return ctx.out(JSON.stringify(r, null, 2));
        for (const a of r.added) ctx.out(`${o.dryRun ? 'would add' : 'added'} ${a.as} ${a.ref} (record ${a.recordId})`);
        for (const s of r.skipped) ctx.err(`skipped ${s.recordId}: ${s.reason}`);
        ctx.out(r.written ? `${o.to}: ${plural(r.added.length, 'held-out case')} added` : `${o.to}: unchanged`);
      }),
    );
};

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function slice(s: AgreementSlice): string {
  return `n=${s.n} kappa=${s.kappa === null ? '—' : s.kappa.toFixed(3)} agreement=${s.observed === null ? '—' : `${(s.observed * 100).toFixed(1)}%`}`;
}

function oneLine(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
