import { TargetError, UsageError, type Target } from '../spec/index.js';
import { createAnthropicTarget } from './anthropic/anthropic-target.js';
import { ollamaBaseUrl, parseBaseUrl } from './base-url.js';
import type { KindInput } from './kind-input.js';
import { createOpenAITarget } from './openai/openai-target.js';

export function openaiKind(input: KindInput): Target {
  const model = requireModel(input, 'openai', 'gpt-4o-mini');
  const { settings, env } = input;
  const baseUrl = settings.baseUrl
    ? parseBaseUrl(settings.baseUrl, '--base-url')
    : nonEmpty(env.OPENAI_BASE_URL)
      ? parseBaseUrl(env.OPENAI_BASE_URL ?? '', 'OPENAI_BASE_URL')
      : new URL('https://api.openai.com/v1');
  const apiKey = nonEmpty(settings.apiKey) ?? nonEmpty(env.OPENAI_API_KEY);
  // Local servers (vLLM, llama.cpp, LM Studio) need no key; OpenAI itself always does.
  if (!apiKey && baseUrl.hostname === 'api.openai.com') {
    throw new TargetError(
      'auth',
      'OPENAI_API_KEY is not set: export OPENAI_API_KEY=<key>, or point --base-url / OPENAI_BASE_URL at a local OpenAI-compatible server',
    );
  }
  return createOpenAITarget({ kind: 'openai', model, baseUrl, apiKey, limits: input.limits });
}

export function ollamaKind(input: KindInput): Target {
  const model = requireModel(input, 'ollama', 'llama3.2');
  const baseUrl = parseBaseUrl(
    input.settings.baseUrl ?? ollamaBaseUrl(input.env.OLLAMA_HOST),
    input.settings.baseUrl ? '--base-url' : 'OLLAMA_HOST',
  );
  return createOpenAITarget({ kind: 'ollama', model, baseUrl, apiKey: nonEmpty(input.settings.apiKey), limits: input.limits });
}

export function anthropicKind(input: KindInput): Target {
  const model = requireModel(input, 'anthropic', 'claude-sonnet-4-5');
  const { settings, env } = input;
  const baseUrl = settings.baseUrl
    ? parseBaseUrl(settings.baseUrl, '--base-url')
    : nonEmpty(env.ANTHROPIC_BASE_URL)
      ? parseBaseUrl(env.ANTHROPIC_BASE_URL ?? '', 'ANTHROPIC_BASE_URL')
      : new URL('https://api.anthropic.com');
  const apiKey = nonEmpty(settings.apiKey) ?? nonEmpty(env.ANTHROPIC_API_KEY);
  if (!apiKey && baseUrl.hostname === 'api.anthropic.com') {
    throw new TargetError(
      'auth',
      'ANTHROPIC_API_KEY is not set: export ANTHROPIC_API_KEY=<key>, or point --base-url / ANTHROPIC_BASE_URL at a compatible proxy',
    );
  }
  return createAnthropicTarget({ model, baseUrl, apiKey, limits: input.limits });
}

function requireModel(input: KindInput, kind: string, example: string): string {
  if (input.rest === '') throw new UsageError(`target "${input.spec}" needs a model: ${kind}:<model>, e.g. ${kind}:${example}`);
  return input.rest;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
