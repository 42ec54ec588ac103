import type { DrillCase } from '../spec/index.js';

/**
 * What a reader calls one rephrasing: the lineage for mutations and sequences (`fiction/nested`),
 * `canonical`, or which authored variant or twin (`variant 2`, `twin kill-process`) — the lineage
 * of every authored variant is just `authored`, which says nothing about which one broke.
 */
export function rephrasingLabel(c: DrillCase): string {
  if (c.kind !== 'variant' && c.kind !== 'twin') return c.mutation;
  // an intent's `…/variant/<id>`, `…/twin/<id>`; a principle's own twins are `…/twins/<id>`
  const which = /\/(?:variant|twins?)\/([^/#]+)(?:#\d+)?$/.exec(c.id)?.[1];
  return which ? `${c.kind} ${which}` : c.mutation;
}
