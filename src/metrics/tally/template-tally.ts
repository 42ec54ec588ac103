/** One refusal template (a `templateText`): how often, by which principles, and a few example texts. */
export interface TemplateTally {
  count: number;
  first: number;
  principles: Set<string>;
  /** The first EXAMPLES distinct texts, each with the case that said it last. */
  examples: Array<{ text: string; first: number; last: number; caseId: string }>;
}

const EXAMPLES = 3;

export function addTemplate(
  templates: Map<string, TemplateTally>,
  key: string,
  t: { seq: number; principle: string; text: string; caseId: string },
): void {
  let tally = templates.get(key);
  if (!tally) {
    tally = { count: 0, first: t.seq, principles: new Set(), examples: [] };
    templates.set(key, tally);
  }
  tally.count += 1;
  tally.principles.add(t.principle);
  const seen = tally.examples.find((e) => e.text === t.text);
  if (seen) {
    seen.last = t.seq;
    seen.caseId = t.caseId;
  } else if (tally.examples.length < EXAMPLES) tally.examples.push({ text: t.text, first: t.seq, last: t.seq, caseId: t.caseId });
}

export function mergeTemplates(into: Map<string, TemplateTally>, from: Map<string, TemplateTally>, offset: number): void {
  for (const [key, t] of from) {
    const had = into.get(key);
    const shifted = t.examples.map((e) => ({ ...e, first: e.first + offset, last: e.last + offset }));
    if (!had) {
      into.set(key, { count: t.count, first: t.first + offset, principles: new Set(t.principles), examples: shifted });
      continue;
    }
    had.count += t.count;
    for (const p of t.principles) had.principles.add(p);
    for (const e of shifted) {
      const seen = had.examples.find((x) => x.text === e.text);
      if (seen) {
        seen.last = e.last;
        seen.caseId = e.caseId;
      } else if (had.examples.length < EXAMPLES) had.examples.push(e);
    }
  }
}
