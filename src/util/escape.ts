/**
 * Model output is untrusted: every report format passes it through one of these before output.
 * Pack text (ids, prompts) is user input and goes through them too.
 */

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe in element text and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML[c] ?? c);
}

/**
 * For inline Markdown and table cells. Markdown renders HTML and links, so both are neutralised:
 * HTML-significant characters become entities and the punctuation that opens emphasis, code,
 * links, images or table cells is backslash-escaped (no `[` means no `[x](javascript:…)` link).
 * Line breaks become spaces so a value cannot end a table row or start a heading or list.
 * A zero-width space after `@` and `#` keeps `@someone` and `#123` from pinging a person or
 * linking an issue when the report is posted as a PR comment.
 */
export function escapeMarkdown(text: string): string {
  return stripControl(text)
    .replace(/\r?\n|\r/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/[&<>"]/g, (c) => HTML[c] ?? c)
    .replace(/([@#])(?=[\w-])/g, '$1\u200b');
}

/** XML 1.0 forbids most control characters even as entities, so they are dropped. */
export function escapeXml(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '').replace(/[&<>"']/g, (c) => HTML[c] ?? c);
}

/** Terminal escape sequences in a response could rewrite the screen or the title: drop them. */
export function stripControl(text: string): string {
  /* eslint-disable no-control-regex -- matching escape sequences and control characters is the point */
  return text
    .replace(/\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g, '')
    .replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
  /* eslint-enable no-control-regex */
}

/**
 * Text bound for a terminal, ours and others' mixed: only colour (SGR, `ESC[…m`) survives of the
 * escape sequences, with tab and newline of the control characters. A log's model name, a
 * server's error body or a program's stderr cannot set the title, clear the screen or move the
 * cursor over what was printed.
 */
export function terminalSafe(text: string): string {
  /* eslint-disable no-control-regex -- matching escape sequences and control characters is the point */
  return text
    .replace(/\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g, '')
    .replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, (seq) => (/^\u001b\[[0-9;]*m$/.test(seq) ? seq : ''))
    .replace(/\u001b(?!\[[0-9;]*m)/g, '')
    .replace(/[\u0000-\u0008\u000b-\u001a\u001c-\u001f\u007f-\u009f]/g, '');
  /* eslint-enable no-control-regex */
}

/**
 * One line for a terminal or a table: control characters out, whitespace folded, long text cut —
 * at a word's end when there is one in the last fifth, so no word reads as another.
 */
export function oneLine(text: string, max = 120): string {
  const flat = stripControl(text).replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const head = flat.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  return `${space >= (max * 4) / 5 && flat[max - 1] !== ' ' ? head.slice(0, space) : head.trimEnd()}…`;
}

/** `1 case`, `3 cases`; `plural(2, 'match', 'matches')` for the irregular ones. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** JSON that can sit inside an HTML <script> element or be served as a page without becoming markup. */
export function jsonForHtml(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
