import type { core } from 'zod';

type Issue = core.$ZodIssue;

/**
 * zod reports a failed union as one issue holding each branch's issues. A person wants the branch
 * they meant — the one that got furthest (deepest path) — with paths made absolute.
 */
export function flattenIssues(issues: readonly Issue[], prefix: PropertyKey[] = []): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const best = [...issue.errors].sort((a, b) => depth(b) - depth(a))[0] ?? [];
      out.push(...flattenIssues(best, path));
    } else {
      out.push({ ...issue, path });
    }
  }
  return out;
}

function depth(branch: readonly Issue[]): number {
  return Math.max(0, ...branch.map((i) => i.path.length + (i.code === 'invalid_type' && i.path.length === 0 ? -1 : 0)));
}

/** Human wording for the common cases: a missing field says so; the rest keep zod's message. */
export function describeIssue(issue: Issue): string {
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) return `required field is missing (expected ${issue.expected})`;
  if (issue.code === 'unrecognized_keys') return `${issue.message} (not a pack field; see docs/packs.md)`;
  return issue.message;
}
