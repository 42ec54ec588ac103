import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { commands } from './registry.js';

describe('the command registry', () => {
  it('lists each command as its module registers it: name, usage and description', async () => {
    for (const c of commands) {
      const program = new Command('refusal-drill');
      const register = await c.load();
      register(program, { out: () => {}, err: () => {}, env: {}, cwd: '/', isTTY: false, signal: new AbortController().signal }, () => {});
      const [registered] = program.commands;
      expect([registered?.name(), registered?.usage(), registered?.description()]).toEqual([c.name, c.usage, c.description]);
    }
  });
});
