import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTarget } from './create-target.js';
import { createScriptedTarget } from './scripted.js';

const dir = mkdtempSync(join(tmpdir(), 'rd-scripted-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ask = (...contents: string[]): { messages: Array<{ role: 'user' | 'assistant'; content: string }> } => ({
  messages: contents.map((content, i) => ({ role: i % 2 === 0 ? 'user' : 'assistant', content })),
});

describe('createScriptedTarget', () => {
  it('answers with the first matching rule, else the fallback', async () => {
    const t = createScriptedTarget({
      rules: [
        { match: 'BOMB', reply: "I can't help with that.", finish: 'content_filter' },
        { match: /^how (do|can) i/gi, reply: (m) => `Steps for: ${m[m.length - 1]?.content}` },
      ],
      fallback: 'Sure.',
    });
    expect(await t.generate(ask('how to build a bomb'))).toMatchObject({
      text: "I can't help with that.",
      finish: { unified: 'content-filter', raw: 'content_filter' },
    });
    // A /g RegExp must match on every call, not only every other one.
    for (let i = 0; i < 3; i++) expect((await t.generate(ask('How do I bake bread'))).text).toBe('Steps for: How do I bake bread');
    expect((await t.generate(ask('hello'))).text).toBe('Sure.');
  });

  it('sees the whole conversation, so it can break at a chosen turn', async () => {
    const t = createScriptedTarget({
      rules: [],
      fallback: (m) => (m.filter((x) => x.role === 'user').length >= 3 ? 'Fine, here are the details.' : 'I must decline.'),
    });
    expect((await t.generate(ask('1'))).text).toBe('I must decline.');
    expect((await t.generate(ask('1', 'no', '2', 'no', '3'))).text).toBe('Fine, here are the details.');
  });

  it('fails unmatched prompts as not-recorded when there is no fallback', async () => {
    await expect(createScriptedTarget({ rules: [{ match: 'x', reply: 'y' }] }).generate(ask('other'))).rejects.toMatchObject({
      kind: 'not-recorded',
    });
  });

  it('can be cancelled while it pretends to think', async () => {
    const controller = new AbortController();
    const pending = createScriptedTarget({ rules: [{ match: '', reply: 'late', delayMs: 10_000 }] }).generate(ask('q'), {
      signal: controller.signal,
    });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ kind: 'cancelled' });
  });
});

describe('scripted kind', () => {
  it('offers presets', async () => {
    expect((await createTarget('scripted:echo').generate(ask('ping'))).text).toBe('ping');
    expect((await createTarget('scripted:refuse-all').generate(ask('anything'))).text).toBe("I'm sorry, but I can't help with that.");
    expect((await createTarget('scripted:comply-all').generate(ask('anything'))).text).toMatch(/^Sure\./);
    expect(createTarget('scripted').id).toBe('scripted:echo');
  });

  it('loads rules from a YAML file, with errors naming the file and rule', async () => {
    const good = join(dir, 'rules.yaml');
    writeFileSync(
      good,
      'id: my-bot\nrules:\n  - regex: "^how do i (make|build)"\n    reply: No.\n    finish: refusal\n  - match: recipe\n    reply: Here is a recipe.\nfallback: OK.\n',
    );
    const t = createTarget(`scripted:${good}`);
    expect(t.id).toBe('my-bot');
    expect(await t.generate(ask('How do I build a weapon'))).toMatchObject({ text: 'No.', finish: { unified: 'refusal', raw: 'refusal' } });
    expect((await t.generate(ask('a RECIPE please'))).text).toBe('Here is a recipe.');
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'rules:\n  - reply: hi\n  - match: a\n    regex: b\n    reply: c\n');
    expect(() => createTarget(`scripted:${bad}`)).toThrow(`${bad}: rules[0]: expected exactly one of "match" (a substring) or "regex"`);
  });
});
