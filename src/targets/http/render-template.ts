/** Request values a template may name, beside `env.NAME`. */
export const REQUEST_PLACEHOLDERS = ['messages', 'prompt', 'system', 'model', 'maxTokens', 'temperature', 'seed'] as const;

const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;
const WHOLE = /^\{\{\s*([\w.-]+)\s*\}\}$/;

/** Every placeholder name in a template (strings anywhere inside objects and arrays). */
export function placeholdersIn(template: unknown): string[] {
  const out = new Set<string>();
  const visit = (v: unknown): void => {
    if (typeof v === 'string') for (const m of v.matchAll(PLACEHOLDER)) out.add(m[1] ?? '');
    else if (Array.isArray(v)) v.forEach(visit);
    else if (typeof v === 'object' && v !== null) Object.values(v).forEach(visit);
  };
  visit(template);
  return [...out];
}

/**
 * Fills a structured (YAML/JSON) template. A string that is exactly one placeholder becomes the
 * value itself — `"{{messages}}"` an array, `"{{maxTokens}}"` a number — and a key whose value is
 * undefined is dropped; a placeholder inside longer text is spliced in as text.
 */
export function renderValue(template: unknown, lookup: (name: string) => unknown): unknown {
  if (typeof template === 'string') {
    const whole = WHOLE.exec(template);
    if (whole) return lookup(whole[1] ?? '');
    return renderText(template, lookup, { json: false });
  }
  if (Array.isArray(template)) return template.map((v) => renderValue(v, lookup)).filter((v) => v !== undefined);
  if (typeof template === 'object' && template !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(template)) {
      const rendered = renderValue(v, lookup);
      if (rendered !== undefined) out[k] = rendered;
    }
    return out;
  }
  return template;
}

/**
 * Fills a text template. With `json`, values are written as JSON (`{{prompt}}` → `"…"` with quotes
 * and escapes), which is how a raw JSON body template embeds them safely.
 */
export function renderText(template: string, lookup: (name: string) => unknown, o: { json: boolean }): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = lookup(name);
    if (o.json) return value === undefined ? 'null' : JSON.stringify(value);
    if (value === undefined) return '';
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}
