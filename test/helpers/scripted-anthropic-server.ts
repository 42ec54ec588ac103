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

export interface ScriptedAnthropicReply {
  text: string;
  /** The raw `stop_reason`; default `end_turn`. */
  stopReason?: string;
  delayMs?: number;
}

/**
 * Options of the scripted Anthropic Messages server (POST /v1/messages, streaming and not):
 * - `responder(messages, system, body)` answers; default echoes the last message.
 * - `faults` initial fault queue (see `Fault` in scripted-server.ts); push to `server.faults` later.
 * - `apiKey` when set, requests without `x-api-key: <apiKey>` get 401.
 * - `log` keep requests in `server.requests` (default true). `chunkChars` per text delta (default 24).
 */
export interface ScriptedAnthropicServerOptions {
  responder?: (
    messages: Message[],
    system: string | undefined,
    body: Record<string, unknown>,
  ) => ScriptedAnthropicReply | Promise<ScriptedAnthropicReply>;
  faults?: Fault[];
  apiKey?: string;
  log?: boolean;
  chunkChars?: number;
}

export interface ScriptedAnthropicServer {
  /** Base URL for the Anthropic SDK (it appends /v1/messages). */
  url: string;
  requests: LoggedRequest[];
  faults: Fault[];
  readonly inFlight: number;
  readonly maxInFlight: number;
  /** Starts `maxInFlight` over from the requests in flight now. */
  resetStats(): void;
  close(): Promise<void>;
}

const errorTypes: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  429: 'rate_limit_error',
  529: 'overloaded_error',
};

let counter = 0;

export async function startScriptedAnthropicServer(options: ScriptedAnthropicServerOptions = {}): Promise<ScriptedAnthropicServer> {
  const responder: NonNullable<ScriptedAnthropicServerOptions['responder']> =
    options.responder ?? ((messages) => ({ text: `You said: ${messages[messages.length - 1]?.content ?? ''}` }));
  const size = options.chunkChars ?? 24;
  const base = await startScriptedServer(
    {
      route: (method, path) => method === 'POST' && path === '/v1/messages',
      authorized: (headers: IncomingHttpHeaders) => options.apiKey === undefined || headers['x-api-key'] === options.apiKey,
      errorBody: (status, message) => ({ type: 'error', error: { type: errorTypes[status] ?? 'api_error', message } }),
      async answer({ body, res, fault }) {
        const request = isRecord(body) ? body : {};
        const messages = toMessages(request.messages);
        const system = typeof request.system === 'string' ? request.system : undefined;
        const reply = await responder(messages, system, request);
        await sleep(reply.delayMs ?? 0);
        const id = `msg_${++counter}`;
        const model = String(request.model);
        const stopReason = reply.stopReason ?? 'end_turn';
        const usage = { input_tokens: messages.length, output_tokens: reply.text.split(/\s+/).filter(Boolean).length };
        if (request.stream === true) {
          if (fault === 'invalid-json') return writeSse(res, [sseEvent('{"type": "message_start", "message": {', 'message_start')]);
          const events = [
            sseEvent(
              {
                type: 'message_start',
                message: {
                  id,
                  type: 'message',
                  role: 'assistant',
                  model,
                  content: [],
                  stop_reason: null,
                  stop_sequence: null,
                  usage: { input_tokens: usage.input_tokens, output_tokens: 1 },
                },
              },
              'message_start',
            ),
            sseEvent({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }, 'content_block_start'),
            ...chunks(reply.text, size).map((text) =>
              sseEvent({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }, 'content_block_delta'),
            ),
            sseEvent({ type: 'content_block_stop', index: 0 }, 'content_block_stop'),
            sseEvent(
              {
                type: 'message_delta',
                delta: { stop_reason: stopReason, stop_sequence: null },
                usage: { output_tokens: usage.output_tokens },
              },
              'message_delta',
            ),
            sseEvent({ type: 'message_stop' }, 'message_stop'),
          ];
          return writeSse(res, events, { cut: fault === 'cut-stream' });
        }
        if (fault === 'invalid-json') {
          res.writeHead(200, { 'content-type': 'application/json' });
          return void res.end('{"type": "message", "content": [');
        }
        const message = {
          id,
          type: 'message',
          role: 'assistant',
          model,
          content: [{ type: 'text', text: reply.text }],
          stop_reason: stopReason,
          stop_sequence: null,
          usage,
        };
        if (fault === 'cut-stream') return writeCutJson(res, message);
        writeJson(res, 200, message);
      },
    },
    { faults: options.faults, log: options.log },
  );
  return {
    url: base.origin,
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
