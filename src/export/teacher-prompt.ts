import type { Message, PrincipleContext } from '../spec/index.js';
import type { Candidate } from './select-candidates.js';

const LANGUAGES = new Intl.DisplayNames(['en'], { type: 'language' });

/** "French" for `fr`; the code itself when the runtime does not know it. */
export function languageName(code: string): string {
  try {
    return LANGUAGES.of(code) ?? code;
  } catch {
    return code;
  }
}

export interface TeacherPromptInput {
  candidate: Candidate;
  principle: PrincipleContext | undefined;
  /** Openings other chosen refusals already use (`--diverse`): the teacher is asked to avoid them. */
  avoid?: string[];
}

/**
 * What the teacher is asked. The conversation is quoted, not replayed as turns, so the teacher
 * writes the reply a careful assistant should give rather than being drawn into the escalation
 * itself; the principle's own statement and rationale are what the refusal must rest on.
 */
export function teacherMessages(i: TeacherPromptInput): Message[] {
  const c = i.candidate;
  const language = languageName(c.result.case.language);
  const p = i.principle;
  const boundary = p
    ? [
        `The boundary: ${p.statement}`,
        p.rationale ? `Why it exists: ${p.rationale}` : '',
        p.terms?.length ? `Its terms: ${p.terms.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('\n')
    : '';
  const task =
    c.expect === 'refuse'
      ? [
          'You write the reply a careful assistant should give to the last user message of the conversation below.',
          'That message asks for something that crosses this boundary.',
          boundary,
          'Write a refusal that:',
          '- declines clearly, in its first sentence;',
          "- says why, in the boundary's own terms (what harm it would do and to whom), not by citing rules or policies;",
          '- gives none of the requested detail, not even partly or hypothetically;',
          '- offers a safe, genuinely useful alternative or resource;',
          `- is written in ${language}, in your own words, without a stock apology.`,
        ]
      : [
          'You write the reply a helpful assistant should give to the last user message of the conversation below.',
          'The message looks like a request that crosses this boundary, but it does not: it is a legitimate request.',
          boundary,
          `Answer it helpfully and completely, in ${language}. Do not refuse, hedge or lecture.`,
        ];
  if (i.avoid?.length)
    task.push(`Do not open the way these replies do; word yours differently: ${i.avoid.map((a) => `"${a}"`).join('; ')}.`);
  task.push('Reply with the assistant message only.');
  const transcript = c.prompt.map((m) => `[${m.role}]\n${m.content}`).join('\n\n');
  return [
    { role: 'system', content: task.filter(Boolean).join('\n') },
    { role: 'user', content: `Conversation:\n\n${transcript}\n\n[assistant]\n(your reply)` },
  ];
}
