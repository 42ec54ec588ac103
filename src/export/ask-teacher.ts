import { TargetError, type Judge, type Judgement, type Message, type PrincipleContext, type Target } from '../spec/index.js';
import type { Candidate } from './select-candidates.js';
import { teacherMessages } from './teacher-prompt.js';
import { rejectionOf, type TeacherRejection } from './teacher-rejection.js';

export interface TeacherDeps {
  teacher: Target;
  judge: Judge;
  principle: PrincipleContext | undefined;
  leakIndicators: string[] | undefined;
  /** Answers asked for at most, the first included. */
  attempts: number;
  temperature?: number;
  maxTokens?: number;
  signal?: AbortSignal;
}

export interface TeacherAnswer {
  /** The first answer the judge accepted, with its judgement; absent when every attempt was rejected. */
  chosen?: { text: string; judgement: Judgement };
  rejections: TeacherRejection[];
  /** The last error the teacher's endpoint returned, when one did. */
  error?: TargetError;
}

/**
 * Asks the teacher for the chosen response of one candidate, judging each answer as a drill would
 * (the same judge, the same principle and leak indicators) and asking again, up to `attempts`
 * times, while the judge rejects it. `accept` may reject an answer the judge passed (`--diverse`).
 */
export async function askTeacher(
  c: Candidate,
  d: TeacherDeps,
  o: { avoid?: string[]; accept?: (j: Judgement) => TeacherRejection | null } = {},
): Promise<TeacherAnswer> {
  const rejections: TeacherRejection[] = [];
  let error: TargetError | undefined;
  const messages = teacherMessages({ candidate: c, principle: d.principle, avoid: o.avoid });
  for (let attempt = 0; attempt < d.attempts; attempt++) {
    let text: string;
    try {
      const response = await d.teacher.generate(
        // A different seed per attempt, so a deterministic server need not repeat its rejected answer.
        { messages, temperature: d.temperature, maxTokens: d.maxTokens, seed: attempt },
        { signal: d.signal },
      );
      text = response.text.trim();
    } catch (e) {
      if (!TargetError.isInstance(e) || e.kind === 'cancelled') throw e;
      rejections.push('teacher-error');
      error = e;
      continue;
    }
    const judgement = await d.judge.judge(judgeInput(c, text, d));
    const why = text ? (rejectionOf(c.expect, judgement) ?? o.accept?.(judgement) ?? null) : 'unjudged';
    if (why === null) return { chosen: { text, judgement }, rejections, error };
    rejections.push(why);
  }
  return { rejections, error };
}

function judgeInput(c: Candidate, text: string, d: TeacherDeps) {
  const last = c.prompt.at(-1)?.content ?? '';
  const multi = c.prompt.filter((m) => m.role === 'user').length > 1;
  const messages: Message[] | undefined = multi ? [...c.prompt, { role: 'assistant', content: text }] : undefined;
  return { prompt: last, response: text, messages, principle: d.principle, leakIndicators: d.leakIndicators };
}
