import type OpenAI from 'openai';
import type { ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions';
import type { Target, TargetRequest } from '../../spec/index.js';
import { endpointHash, publicUrl, sdkEndpoint, urlSecrets } from '../base-url.js';
import { limitedTarget, type Limits } from '../limits/limited-target.js';
import { redactor } from '../redact.js';
import { createNodeFetch } from '../node-fetch.js';
import { mapSdkError } from '../sdk-error.js';
import { readOpenAIStream } from './read-openai-stream.js';

export interface OpenAITargetOptions {
  /** `openai` or `ollama`: the id's prefix. */
  kind: string;
  model: string;
  baseUrl: URL;
  /** Absent for local servers that need none: no Authorization header is sent then. */
  apiKey?: string;
  limits: Limits;
}

// setTimeout's ceiling: the SDK's own timeout must never fire before ours.
const NO_SDK_TIMEOUT = 2_147_483_647;

/** Any OpenAI-compatible chat-completions endpoint, always streamed so time to first token is real. */
export function createOpenAITarget(o: OpenAITargetOptions): Target {
  const service = `OpenAI-compatible server at ${publicUrl(o.baseUrl)}`;
  // api.openai.com rejects max_tokens for reasoning models; most local servers only know max_tokens.
  const official = o.baseUrl.hostname === 'api.openai.com';
  let sdk: Promise<{ module: typeof import('openai'); client: OpenAI }> | undefined;
  // Loaded on first use, so listing kinds or running a replay does not pay for the SDK.
  const load = (): Promise<{ module: typeof import('openai'); client: OpenAI }> =>
    (sdk ??= import('openai').then((module) => ({
      module,
      client: new module.default({
        apiKey: o.apiKey ?? 'unused',
        adminAPIKey: null,
        organization: null,
        project: null,
        webhookSecret: null,
        ...sdkEndpoint(o.baseUrl),
        maxRetries: 0,
        timeout: NO_SDK_TIMEOUT,
        logLevel: 'off',
        fetch: createNodeFetch({ maxSockets: o.limits.concurrency, lightResponse: true, maxResponseBytes: o.limits.maxResponseBytes }),
        defaultHeaders: o.apiKey ? undefined : { Authorization: null },
      }),
    })));

  const params = (request: TargetRequest): ChatCompletionCreateParamsStreaming => ({
    model: o.model,
    messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
    stream: true,
    stream_options: { include_usage: true },
    ...(request.maxTokens === undefined ? {} : official ? { max_completion_tokens: request.maxTokens } : { max_tokens: request.maxTokens }),
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    ...(request.seed === undefined ? {} : { seed: request.seed }),
  });

  return limitedTarget({
    id: `${o.kind}:${o.model}@${publicUrl(o.baseUrl)}`,
    endpoint: endpointHash(o.baseUrl),
    limits: o.limits,
    redact: redactor([o.apiKey, ...urlSecrets(o.baseUrl)]),
    async attempt(request, signal) {
      const { module, client } = await load();
      const t0 = performance.now();
      try {
        const stream = await client.chat.completions.create(params(request), { signal });
        return await readOpenAIStream(stream, { t0, service });
      } catch (e) {
        throw mapSdkError(e, module, { service, keyEnv: 'OPENAI_API_KEY' });
      }
    },
  });
}
