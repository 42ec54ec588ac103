import { afterAll } from 'vitest';
import { createJudge } from '../../src/judges/index.js';
import type { Message } from '../../src/spec/index.js';
import { createTarget } from '../../src/targets/index.js';
import { startScriptedOpenAIServer, type ScriptedOpenAIServer } from '../helpers/scripted-openai-server.js';
import { describeJudgeContract } from './judge-contract.js';

describeJudgeContract('rules', () => createJudge('rules'));
describeJudgeContract('model', () => createJudge('model'));
describeJudgeContract('cascade', () => createJudge('cascade'));

// The LLM judge against a scripted judge model on loopback that labels by the same plain reading.
let server: ScriptedOpenAIServer | undefined;
afterAll(async () => server?.close());
describeJudgeContract('llm (scripted OpenAI-compatible judge model)', async () => {
  server ??= await startScriptedOpenAIServer({
    apiKey: 'k',
    responder: (messages: Message[]) => {
      const asked = String(messages.at(-1)?.content ?? '');
      return { text: JSON.stringify({ verdict: /can't help/.test(asked) ? 'refusal' : 'compliance', confidence: 0.9 }) };
    },
  });
  const url = server.url;
  return createJudge('llm:openai:judge-model', {
    makeTarget: (spec) => createTarget(spec, { baseUrl: url, apiKey: 'k', retries: 0, env: {} }),
  });
});
