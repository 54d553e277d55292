// One record to the provincial platform: a JSON POST, its id in the Idempotency-Key header and in the
// body (recordId), so a record posted twice is kept once. Any 2xx is taken; anything else, a timeout or
// no answer is a failure with its reason, for the console.
import type { PlatformRecord } from './platform-records.js';

export type PostResult = { ok: true } | { ok: false; reason: string };

/** Enough of a refusal's body to say why, on the console. */
const REASON_MAX = 200;

export async function postRecord(endpoint: string, record: PlatformRecord, timeoutMs: number): Promise<PostResult> {
  try {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'idempotency-key': record.id },
      body: JSON.stringify(record.body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    if (res.ok) return { ok: true };
    return { ok: false, reason: `HTTP ${res.status}${text ? `: ${text.slice(0, REASON_MAX)}` : ''}` };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    if (e.name === 'TimeoutError') return { ok: false, reason: `超时 / timed out after ${timeoutMs} ms` };
    return { ok: false, reason: e.cause?.code ?? e.message };
  }
}
