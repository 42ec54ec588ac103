import {
  computeAgreement,
  cursorOf,
  decodeCursor,
  encodeCursor,
  parseLabel,
  reliabilityByReviewer,
  reviewReliability,
} from '../review/index.js';
import type { ReviewStore } from '../review/index.js';
import { InputError } from '../spec/index.js';
import { htmlReply, json, type DashboardOptions, type Route } from './dashboard-context.js';
import { page } from './layout.js';
import { readJsonBody } from './read-body.js';
import { reviewPage } from './review-page.js';
import { REVIEW_CSS, REVIEW_SCRIPT } from './review-script.js';

/** The review page and its API: the queue a page at a time, labels, agreement and the judge's confidence against reviewers. */
export function reviewRoutes(o: DashboardOptions, review: ReviewStore): { routes: Route[]; refresh: () => Promise<void> } {
  let queuedAt = -1;
  const refresh = async (): Promise<void> => {
    // Re-sample only when records arrived since the last look; sampling scans every record.
    const version = await review.recordsVersion();
    if (version !== queuedAt) await review.refreshQueue();
    queuedAt = version;
  };
  const queueStatus = (url: URL) => {
    const s = url.searchParams.get('status');
    return s === 'labeled' || s === 'all' ? s : 'pending';
  };
  const routes: Route[] = [
    {
      method: 'GET',
      path: /^\/review$/,
      handler: async ({ url, nonce }) => {
        await refresh();
        const status = queueStatus(url);
        const q = url.searchParams;
        const pageSize = pageSizeOf(q.get('per'));
        const after = q.get('after');
        const before = q.get('before');
        const body = reviewPage({
          page: await review.queuePage({
            status,
            limit: pageSize,
            after: after ? decodeCursor(after, 'after') : undefined,
            before: before && !after ? decodeCursor(before, 'before') : undefined,
          }),
          pageSize,
          status,
          focus: q.get('focus') === 'last' ? 'last' : 'first',
          counts: await review.queueCounts(),
          agreement: await computeAgreement(review),
          judge: o.judge.id,
          reliability: await reviewReliability(review, o.judge.id),
          byReviewer: await reliabilityByReviewer(review, o.judge.id),
        });
        return htmlReply(page({ title: 'Review', here: 'review', nonce, script: REVIEW_SCRIPT, css: REVIEW_CSS }, body));
      },
    },
    {
      method: 'GET',
      path: /^\/api\/review\/queue$/,
      handler: async ({ url }) => {
        await refresh();
        const q = url.searchParams;
        const after = q.get('after');
        const page = await review.queuePage({
          status: queueStatus(url),
          limit: pageSizeOf(q.get('per') ?? '200', 1000),
          after: after ? decodeCursor(after, 'after') : undefined,
        });
        const last = page.items.at(-1);
        const next = page.hasNext && last ? encodeCursor(cursorOf(last)) : null;
        return json({ counts: await review.queueCounts(), items: page.items, itemsBefore: page.itemsBefore, next });
      },
    },
    { method: 'GET', path: /^\/api\/review\/agreement$/, handler: async () => json(await computeAgreement(review)) },
    {
      method: 'GET',
      path: /^\/api\/review\/reliability$/,
      handler: async () => json({ judge: o.judge.id, reliability: await reviewReliability(review, o.judge.id) }),
    },
    {
      method: 'POST',
      path: /^\/api\/review\/label$/,
      handler: async ({ req }) => json(await review.saveLabel(parseLabel(await readJsonBody(req)))),
    },
  ];
  return { routes, refresh };
}

/** Items a review page shows: 25 unless asked (`per`), at most `max`. */
function pageSizeOf(per: string | null, max = 100): number {
  const n = Number(per ?? 25);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new InputError(`per: expected a whole number from 1 to ${max}, got "${per}"`);
  return n;
}
