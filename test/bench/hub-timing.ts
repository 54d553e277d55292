// The built hub in its own process: time from spawn to serving, and a one-year report over HTTP.
import { setTimeout as sleep } from 'node:timers/promises';
import { startHubProcess, type HubProcess } from '../helpers/hub-process.js';
import { track } from './children.js';

const HEALTH_DEADLINE_MS = 20_000;
const REPORT_TIMEOUT_MS = 180_000;
/** Reports are the console's: the demo console's token acts as the demo hall's manager. */
const CONSOLE = { authorization: 'Bearer demo-console-1' };

/** Spawns `node hub/dist/main.js --port PORT --data DIR` and times it until /api/health answers. */
export async function startTimed(dataDir: string, port = 0): Promise<{ hub: HubProcess; ms: number }> {
  const started = performance.now();
  const hub = await startHubProcess(dataDir, port);
  track(hub.child);
  for (;;) {
    const ok = await fetch(`${hub.url}/api/health`).then((r) => r.ok, () => false);
    if (ok) return { hub, ms: performance.now() - started };
    if (performance.now() - started > HEALTH_DEADLINE_MS) throw new Error(`hub not healthy within ${HEALTH_DEADLINE_MS / 1000} s:\n${hub.output()}`);
    await sleep(5);
  }
}

export interface ReportTiming {
  ms: number;
  bytes: number;
  days: number;
  tickets: number;
}

/** GET /api/reports for a range, timed until the whole answer is in. */
export async function timeReport(url: string, from: string, to: string): Promise<ReportTiming> {
  const started = performance.now();
  const res = await fetch(`${url}/api/reports?from=${from}&to=${to}`, { headers: CONSOLE, signal: AbortSignal.timeout(REPORT_TIMEOUT_MS) });
  const text = await res.text();
  const ms = performance.now() - started;
  const body = JSON.parse(text) as { ok: boolean; data?: { days: string[]; total: { issued: number } }; error?: { message: string } };
  if (!body.ok || !body.data) throw new Error(`report ${from}…${to}: ${body.error?.message ?? res.status}`);
  return { ms, bytes: Buffer.byteLength(text), days: body.data.days.length, tickets: body.data.total.issued };
}
