import type { StoredAlert } from './alert-store.js';

export interface WebhookResult {
  ok: boolean;
  status?: number;
  error?: string;
}

/** POSTs new alerts as JSON. A failing webhook is reported, never fatal: the alerts are already stored. */
export async function postAlerts(url: string, alerts: StoredAlert[], options: { timeoutMs?: number } = {}): Promise<WebhookResult> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ source: 'refusal-drill', alerts }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    await res.arrayBuffer();
    return res.ok ? { ok: true, status: res.status } : { ok: false, status: res.status, error: `HTTP ${res.status}` };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
