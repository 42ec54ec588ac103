import type { IncidentEvent } from './incident.js';
import { describeEvent, historyText, summariseHistory } from './incident-text.js';

export interface WebhookResult {
  ok: boolean;
  /** Messages posted, and how many of them failed. */
  sent: number;
  failed: number;
  error?: string;
}

/**
 * Posts one message per live event (`incident.opened`, `incident.updated`, `incident.closed`) and
 * one `incident.history` message summarising every back-filled event, so a first ingest of a
 * week of logs is one message, not a batch of its past. Each body has a `text` a chat webhook
 * shows as it is. A failing webhook is reported, never fatal: the incidents are stored.
 */
export async function postIncidentEvents(
  url: string,
  events: { live: IncidentEvent[]; history: IncidentEvent[] },
  span: { from: string; to: string; windows: number } | null,
  options: { timeoutMs?: number } = {},
): Promise<WebhookResult | undefined> {
  const bodies: unknown[] = [];
  if (events.history.length && span) {
    const summary = summariseHistory(events.history, span);
    bodies.push({ source: 'refusal-drill', event: 'incident.history', text: historyText(summary), summary });
  }
  for (const e of events.live)
    bodies.push({
      source: 'refusal-drill',
      event: `incident.${e.kind}`,
      text: describeEvent(e),
      ...(e.why ? { why: e.why } : {}),
      incident: e.incident,
    });
  if (bodies.length === 0) return undefined;
  const result: WebhookResult = { ok: true, sent: 0, failed: 0 };
  for (const body of bodies) {
    const error = await post(url, body, options.timeoutMs ?? 10_000);
    result.sent += 1;
    if (error) {
      result.failed += 1;
      result.ok = false;
      result.error ??= error;
    }
  }
  return result;
}

async function post(url: string, body: unknown, timeoutMs: number): Promise<string | undefined> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.arrayBuffer();
    return res.ok ? undefined : `HTTP ${res.status}`;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
