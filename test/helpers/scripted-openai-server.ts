import type { IncomingHttpHeaders } from 'node:http';
import type { Message } from '../../src/spec/index.js';
import {
  chunks,
  isRecord,
  sleep,
  sseEvent,
  startScriptedServer,
  toMessages,
  writeCutJson,
  writeJson,
  writeSse,
  type Fault,
  type LoggedRequest,
} from './scripted-server.js';

export type { Fault, LoggedRequest } from './scripted-server.js';

/** What the scripted model says to one request. */
export interface ScriptedOpenAIReply {
  text: string;
  /** The raw `finish_reason`; default `stop`. */
  finish?: string;
  /** Sent in the `refusal` field (content stays empty unless `text` is given too). */
  refusal?: string;
  /** Wait this long before answering. */
  delayMs?: number;
}

/**
 * Options of the scripted OpenAI-compatible server:
 * - `responder(messages, body)` answers each chat completion; default echoes the last message.
 * - `faults` initial fault queue (see `Fault`); push more to `server.faults` at any time.
 * - `apiKey` when set, requests without `Authorization: Bearer <apiKey>` get 401.
 * - `log` keep every request in `server.requests` (default true; turn off for long benches).
 * - `chunkChars` characters per streamed delta (default 24).
 * Answers POST /v1/chat/completions streaming (SSE, with a usage chunk when
 * `stream_options.include_usage`) and non-streaming, and GET /v1/models.
 */
export interface ScriptedOpenAIServerOptions {
  responder?: (messages: Message[], body: Record<string, unknown>) => ScriptedOpenAIReply | Promise<ScriptedOpenAIReply>;
  faults?: Fault[];
  apiKey?: string;
  log?: boolean;
  chunkChars?: number;
}

export interface ScriptedOpenAIServer {
  /** Base URL for OpenAI clients; ends in /v1. */
  url: string;
  requests: LoggedRequest[];
  faults: Fault[];
  readonly inFlight: number;
  readonly maxInFlight: number;
  /** Starts `maxInFlight` over from the requests in flight now. */
  resetStats(): void;
  close(): Promise<void>;
}

let counter = 0;

export async function startScriptedOpenAIServer(options: ScriptedOpenAIServerOptions = {}): Promise<ScriptedOpenAIServer> {
  const responder: NonNullable<ScriptedOpenAIServerOptions['responder']> =
    options.responder ?? ((messages) => ({ text: `You said: ${messages[messages.length - 1]?.content ?? ''}` }));
  const size = options.chunkChars ?? 24;
  const base = await startScriptedServer(
    {
      route: (method, path) => (method === 'POST' && path === '/v1/chat/completions') || (method === 'GET' && path === '/v1/models'),
      authorized: (headers: IncomingHttpHeaders) => options.apiKey === undefined || headers.authorization === `Bearer ${options.apiKey}`,
      errorBody: (status, message) => ({
        error: {
          message,
          type: status === 429 ? 'rate_limit_exceeded' : status === 401 ? 'invalid_request_error' : 'server_error',
          code: null,
        },
      }),
      async answer({ path, body, res, fault }) {
        const request = isRecord(body) ? body : {};
        if (path === '/v1/models') return writeJson(res, 200, { object: 'list', data: [{ id: 'scripted', object: 'model' }] });
        const messages = toMessages(request.messages);
        const reply = await responder(messages, request);
        await sleep(reply.delayMs ?? 0);
        const id = `chatcmpl-${++counter}`;
        const model = String(request.model);
        const finish = reply.finish ?? 'stop';
        const prompt = messages.reduce((n, m) => n + words(m.content), 0);
        const completion = words(reply.text || reply.refusal || '');
        const usage = { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
        if (request.stream === true) {
          if (fault === 'invalid-json') return writeSse(res, [sseEvent('{"id": "broken", "choices": [')]);
          const chunk = (delta: Record<string, unknown>, finishReason: string | null): string =>
            sseEvent({
              id,
              object: 'chat.completion.chunk',
              created: 0,
              model,
              choices: [{ index: 0, delta, finish_reason: finishReason }],
            });
          const events = [chunk({ role: 'assistant', content: '' }, null)];
          for (const part of chunks(reply.refusal ?? '', size)) events.push(chunk({ refusal: part }, null));
          for (const part of chunks(reply.text, size)) events.push(chunk({ content: part }, null));
          events.push(chunk({}, finish));
          const streamOptions = request.stream_options;
          if (isRecord(streamOptions) && streamOptions.include_usage === true) {
            events.push(sseEvent({ id, object: 'chat.completion.chunk', created: 0, model, choices: [], usage }));
          }
          events.push(sseEvent('[DONE]'));
          return writeSse(res, events, { cut: fault === 'cut-stream' });
        }
        if (fault === 'invalid-json') {
          res.writeHead(200, { 'content-type': 'application/json' });
          return void res.end('{"id": "broken", "choices": [');
        }
        const answer = {
          id,
          object: 'chat.completion',
          created: 0,
          model,
          choices: [
            {
              index: 0,
              message: {
                role: 'assistant',
                content: reply.text === '' && reply.refusal ? null : reply.text,
                refusal: reply.refusal ?? null,
              },
              finish_reason: finish,
            },
          ],
          usage,
        };
        if (fault === 'cut-stream') return writeCutJson(res, answer);
        writeJson(res, 200, answer);
      },
    },
    { faults: options.faults, log: options.log },
  );
  return {
    url: `${base.origin}/v1`,
    requests: base.requests,
    faults: base.faults,
    get inFlight() {
      return base.inFlight;
    },
    get maxInFlight() {
      return base.maxInFlight;
    },
    resetStats: base.resetStats,
    close: base.close,
  };
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
