import { UsageError } from '../../spec/index.js';

export type PathStep = { key: string } | { index: number } | { wildcard: true };

export interface FieldPath {
  source: string;
  steps: PathStep[];
}

/** Parses `text`, `messages[*].content`, `data.items[0].text`: dotted keys, `[n]` indices and `[*]` for every item. */
export function parseFieldPath(source: string): FieldPath {
  const steps: PathStep[] = [];
  let i = 0;
  while (i < source.length) {
    if (source[i] === '[') {
      const close = source.indexOf(']', i);
      const inner = close < 0 ? '' : source.slice(i + 1, close);
      if (inner === '*') steps.push({ wildcard: true });
      else if (/^\d+$/.test(inner)) steps.push({ index: Number(inner) });
      else throw new UsageError(`--field "${source}": expected [<index>] or [*] at char ${i + 1}`);
      i = close + 1;
      if (source[i] === '.') i++;
      continue;
    }
    const m = /^[^.[\]]+/.exec(source.slice(i));
    if (!m) throw new UsageError(`--field "${source}": expected a field name at char ${i + 1}`);
    steps.push({ key: m[0] });
    i += m[0].length;
    if (source[i] === '.') {
      i++;
      if (i === source.length) throw new UsageError(`--field "${source}": expected a field name after the final "."`);
    }
  }
  if (steps.length === 0) throw new UsageError('--field expects a path such as text or messages[*].content');
  return { source, steps };
}

/**
 * Every string the path reaches in `value`, with the concrete path it was found at.
 * A content value that is a list of parts (`[{type: 'text', text}]`) yields each part's text.
 */
export function extractTexts(value: unknown, path: FieldPath, emit: (text: string, field: string) => void): void {
  walk(value, path.steps, 0, path.steps.length === 1 && 'key' in path.steps[0]! ? path.steps[0].key : null, emit);
}

function walk(
  value: unknown,
  steps: PathStep[],
  at: number,
  label: string | null,
  emit: (text: string, field: string) => void,
  trail = '',
): void {
  if (at === steps.length) {
    const here = label ?? trail;
    if (typeof value === 'string') emit(value, here);
    else if (Array.isArray(value))
      value.forEach((part, i) => {
        if (typeof part === 'string') emit(part, `${here}[${i}]`);
        else if (isRecord(part) && typeof part.text === 'string') emit(part.text, `${here}[${i}].text`);
      });
    return;
  }
  const step = steps[at]!;
  if ('key' in step) {
    if (isRecord(value) && step.key in value) walk(value[step.key], steps, at + 1, label, emit, trail ? `${trail}.${step.key}` : step.key);
  } else if ('index' in step) {
    if (Array.isArray(value) && step.index < value.length) walk(value[step.index], steps, at + 1, label, emit, `${trail}[${step.index}]`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, steps, at + 1, label, emit, `${trail}[${i}]`));
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
