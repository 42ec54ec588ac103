import { isMap, isNode, LineCounter, type Document } from 'yaml';
import type { core } from 'zod';

/** Where a zod issue points in the YAML source: the node at its path (or the key, for unknown keys). */
export function locateIssue(doc: Document, lines: LineCounter, issue: core.$ZodIssue): { line: number; col: number } | undefined {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  let node: unknown = path.length === 0 ? doc.contents : doc.getIn(path, true);
  // A missing field has no node: point at its parent object instead.
  for (let depth = path.length - 1; !isNode(node) && depth >= 0; depth--) node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
  if (issue.code === 'unrecognized_keys' && isMap(node)) {
    const key = issue.keys[0];
    const pair = node.items.find((p) => isNode(p.key) && String((p.key as { value?: unknown }).value) === key);
    if (pair && isNode(pair.key) && pair.key.range) return pos(lines, pair.key.range[0]);
  }
  if (isNode(node) && node.range) return pos(lines, node.range[0]);
  return undefined;
}

function pos(lines: LineCounter, offset: number): { line: number; col: number } {
  return lines.linePos(offset);
}

/** `principles[0].intents[2].prompt` */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out || '(top level)';
}
