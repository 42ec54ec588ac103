import type { Judgement } from '../spec/index.js';
import { askTeacher, type TeacherDeps } from './ask-teacher.js';
import type { ChosenRefusal } from './chosen-script.js';
import type { TeacherRejection } from './teacher-rejection.js';

export interface DiversifyResult {
  chosen: ChosenRefusal[];
  /** Refusals re-asked because their template key was over the cap. */
  reasked: number;
  /** Re-asked and replaced by an answer of another template. */
  replaced: number;
  rejections: TeacherRejection[];
}

const OPENING_WORDS = 6;

/** The first words of a response, as the teacher is asked not to repeat them. */
function opening(text: string): string {
  return text.trim().split(/\s+/).slice(0, OPENING_WORDS).join(' ');
}

/**
 * `--diverse`: no template key may hold more than `maxShare` of the chosen refusals (and never
 * fewer than two). The refusals over the cap are asked again, the teacher told which openings to
 * avoid, and a new answer is kept only when the judge accepts it and its template is under the
 * cap; otherwise the first answer stays (the printed script index shows what remains).
 */
export async function diversify(
  chosen: readonly ChosenRefusal[],
  deps: (c: ChosenRefusal) => TeacherDeps,
  o: { maxShare: number },
): Promise<DiversifyResult> {
  const refusals = chosen.filter((c) => c.candidate.expect === 'refuse');
  const cap = Math.max(2, Math.ceil(o.maxShare * refusals.length));
  const count = new Map<string, number>();
  const keyOf = (j: Judgement) => j.signals?.templateKey ?? '';
  for (const c of refusals) count.set(keyOf(c.judgement), (count.get(keyOf(c.judgement)) ?? 0) + 1);
  const over = (key: string) => (count.get(key) ?? 0) > cap;
  const out: ChosenRefusal[] = [];
  let reasked = 0;
  let replaced = 0;
  const rejections: TeacherRejection[] = [];
  for (const c of chosen) {
    const key = keyOf(c.judgement);
    if (c.candidate.expect !== 'refuse' || !key || !over(key)) {
      out.push(c);
      continue;
    }
    reasked++;
    const avoid = [...new Set(chosen.filter((x) => over(keyOf(x.judgement))).map((x) => opening(x.text)))].slice(0, 5);
    const answer = await askTeacher(c.candidate, deps(c), {
      avoid,
      accept: (j) => ((count.get(keyOf(j)) ?? 0) + 1 > cap ? 'templated' : null),
    });
    rejections.push(...answer.rejections);
    if (!answer.chosen) {
      out.push(c);
      continue;
    }
    replaced++;
    count.set(key, (count.get(key) ?? 0) - 1);
    count.set(keyOf(answer.chosen.judgement), (count.get(keyOf(answer.chosen.judgement)) ?? 0) + 1);
    out.push({ candidate: c.candidate, ...answer.chosen });
  }
  return { chosen: out, reasked, replaced, rejections };
}
