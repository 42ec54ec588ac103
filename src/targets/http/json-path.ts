/** One step into a JSON value: an object key or an array index. */
export type PathStep = string | number;

/**
 * Parses a response path such as `choices[0].message.content` or `data["output text"][1]`.
 * Returns undefined when the syntax is wrong, so the config loader can name the field.
 */
export function parseJsonPath(path: string): PathStep[] | undefined {
  const steps: PathStep[] = [];
  const re = /(?:^|\.)([A-Za-z_$][\w$-]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/y;
  let at = 0;
  while (at < path.length) {
    re.lastIndex = at;
    const m = re.exec(path);
    if (!m || (m[1] !== undefined && at > 0 && path[at] !== '.')) return undefined;
    if (m[1] !== undefined) steps.push(m[1]);
    else if (m[2] !== undefined) steps.push(Number(m[2]));
    else steps.push(JSON.parse(`"${m[3] ?? ''}"`) as string);
    at = re.lastIndex;
  }
  return steps.length > 0 ? steps : undefined;
}

/** Follows the steps; undefined as soon as one is missing. */
export function getPath(value: unknown, steps: readonly PathStep[]): unknown {
  let current = value;
  for (const step of steps) {
    if (typeof step === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[step];
    } else {
      if (typeof current !== 'object' || current === null || Array.isArray(current) || !Object.hasOwn(current, step)) return undefined;
      current = (current as Record<string, unknown>)[step];
    }
  }
  return current;
}
