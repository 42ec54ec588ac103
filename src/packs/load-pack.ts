import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { InputError } from '../spec/index.js';
import { packSchema, type Pack } from '../spec/index.js';
import { checkPackIds } from './check-pack-ids.js';
import { describeIssue, flattenIssues } from './flatten-issues.js';
import { formatPath, locateIssue } from './yaml-errors.js';

/** Parses and validates a pack from YAML text. Every error names file, line, field and what was expected. */
export function parsePack(text: string, file: string): Pack {
  const fast = parseJsonPack(text);
  if (fast) return fast;
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const msgs = doc.errors.map((e) => {
      const at = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
      return `${file}:${at ? `${at.line}:${at.col}` : '?'}: YAML syntax error: ${e.message.split('\n')[0]}`;
    });
    throw new InputError(msgs.join('\n'));
  }
  const parsed = packSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const msgs = flattenIssues(parsed.error.issues).slice(0, 20).map((issue) => {
      const at = locateIssue(doc, lines, issue);
      const where = at ? `${file}:${at.line}:${at.col}` : file;
      const field = issue.code === 'unrecognized_keys' ? formatPath([...issue.path, issue.keys[0] ?? '']) : formatPath(issue.path);
      return `${where}: ${field}: ${describeIssue(issue)}`;
    });
    throw new InputError(`invalid pack ${file}\n${msgs.join('\n')}`);
  }
  const problems = checkPackIds(parsed.data);
  if (problems.length > 0) throw new InputError(`invalid pack ${file}\n${problems.map((p) => `${file}: ${p}`).join('\n')}`);
  return parsed.data;
}

/**
 * A large pack written as JSON (a generated one: 20,000 intents) parses as JSON in a fraction of
 * the time and memory the YAML document model takes. Only a pack that validates takes this path;
 * anything else goes through YAML, whose positions make the error messages.
 */
function parseJsonPack(text: string): Pack | undefined {
  if (!/^\s*\{/.test(text)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = packSchema.safeParse(value);
  return parsed.success && checkPackIds(parsed.data).length === 0 ? parsed.data : undefined;
}

export function loadPack(file: string): Pack {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read pack ${file}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  return parsePack(text, file);
}
