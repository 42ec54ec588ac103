import type Anthropic from '@anthropic-ai/sdk';
import type { MessageCreateParamsStreaming } from '@anthropic-ai/sdk/resources/messages';
import type { Target, TargetRequest } from '../../spec/index.js';
import { endpointHash, publicUrl, sdkEndpoint, urlSecrets } from '../base-url.js';
import { limitedTarget, type Limits } from '../limits/limited-target.js';
import { redactor } from '../redact.js';
import { createNodeFetch } from '../node-fetch.js';
import { mapSdkError } from '../sdk-error.js';
import { readAnthropicStream } from './read-anthropic-stream.js';

export interface AnthropicTargetOptions {
  model: string;
  baseUrl: URL;
  /** Absent only for a non-default base URL (a local proxy): no x-api-key header is sent then. */
  apiKey?: string;
  limits: Limits;
}

export const ANTHROPIC_DEFAULT_MAX_TOKENS = 1024;
const NO_SDK_TIMEOUT = 2_147_483_647;

type AnthropicSdk = { module: typeof import('@anthropic-ai/sdk'); client: Anthropic };

/** Anthropic's Messages API, streamed. `seed` is not part of that API and is not sent. */
export function createAnthropicTarget(o: AnthropicTargetOptions): Target {
  const service = `Anthropic API at ${publicUrl(o.baseUrl)}`;
  let sdk: Promise<AnthropicSdk> | undefined;
  const load = (): Promise<AnthropicSdk> =>
    (sdk ??= import('@anthropic-ai/sdk').then((module) => ({
      module,
      client: new module.default({
        // A placeholder key also stops the SDK from hunting for credential files.
        apiKey: o.apiKey ?? 'unused',
        authToken: null,
        webhookKey: null,
        ...sdkEndpoint(o.baseUrl),
        maxRetries: 0,
        timeout: NO_SDK_TIMEOUT,
        logLevel: 'off',
        fetch: createNodeFetch({ maxSockets: o.limits.concurrency, maxResponseBytes: o.limits.maxResponseBytes }),
        defaultHeaders: o.apiKey ? undefined : { 'X-Api-Key': null },
      }),
    })));

  const params = (request: TargetRequest): MessageCreateParamsStreaming => {
    const system = request.messages.filter((m) => m.role === 'system').map((m) => m.content);
    return {
      model: o.model,
      max_tokens: request.maxTokens ?? ANTHROPIC_DEFAULT_MAX_TOKENS,
      messages: request.messages.flatMap((m) => (m.role === 'system' ? [] : [{ role: m.role, content: m.content }])),
      stream: true,
      ...(system.length ? { system: system.join('\n\n') } : {}),
      ...(request.temperature === undefined ? {} : { temperature: Math.min(1, request.temperature) }),
    };
  };

  return limitedTarget({
    id: `anthropic:${o.model}@${publicUrl(o.baseUrl)}`,
    endpoint: endpointHash(o.baseUrl),
    limits: o.limits,
    redact: redactor([o.apiKey, ...urlSecrets(o.baseUrl)]),
    async attempt(request, signal) {
      const { module, client } = await load();
      const t0 = performance.now();
      try {
        const stream = await client.messages.create(params(request), { signal });
        return await readAnthropicStream(stream, { t0, service });
      } catch (e) {
        throw mapSdkError(e, module, { service, keyEnv: 'ANTHROPIC_API_KEY' });
      }
    },
  });
}
