// SIGKILL a hub while a kiosk is issuing: every acknowledged ticket survives the restart, and
// numbering continues without a duplicate or a gap.
import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { killed, seedAllDayHall, startHubProcess, type HubProcess } from './helpers/hub-process.js';
import { cmdId, connectClient, tempDir } from './helpers/test-hub.js';

const running: HubProcess[] = [];
let dataDir = '';

afterAll(async () => {
  for (const p of running) p.child.kill('SIGKILL');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function start(): Promise<HubProcess> {
  const hub = await startHubProcess(dataDir);
  running.push(hub);
  return hub;
}

describe('crash recovery', () => {
  it('keeps every acknowledged ticket through a SIGKILL mid-issue', async () => {
    dataDir = await tempDir('yichuang-crash-');
    await seedAllDayHall(dataDir);
    const first = await start();
    const kiosk = await connectClient(first.url, 'demo-kiosk-1');

    const acked: string[] = [];
    let stop = false;
    const issuer = async (): Promise<void> => {
      while (!stop) {
        try {
          const ack = await kiosk.timeout(2000).emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
          if (ack.ok) acked.push(ack.data.ticket.number);
        } catch {
          return; // no ack: the hub died under us
        }
      }
    };
    const issuers = Array.from({ length: 4 }, issuer);
    while (acked.length < 60) await new Promise((r) => setTimeout(r, 5));
    first.child.kill('SIGKILL');
    await killed(first.child);
    stop = true;
    kiosk.disconnect();
    await Promise.all(issuers);

    expect(new Set(acked).size).toBe(acked.length);
    const second = await start();
    const stats = await (await fetch(`${second.url}/api/stats/today`)).json();
    const total: number = stats.data.byCategory.general.issued;
    // Journaled-but-unacknowledged tickets may exist too; acknowledged ones must.
    expect(total).toBeGreaterThanOrEqual(acked.length);
    for (const number of acked) {
      const res = await (await fetch(`${second.url}/api/tickets/${number}`)).json();
      expect(res).toMatchObject({ ok: true, data: { number } });
    }
    // The tickets that exist are exactly A001…A(total): no gap, no duplicate.
    for (let n = 1; n <= total; n++) {
      const number = `A${String(n).padStart(3, '0')}`;
      expect((await fetch(`${second.url}/api/tickets/${number}`)).status).toBe(200);
    }
    const again = await connectClient(second.url, 'demo-kiosk-1');
    const next = await again.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
    again.disconnect();
    expect(next).toMatchObject({ ok: true, data: { ticket: { number: `A${String(total + 1).padStart(3, '0')}` } } });
  });
});
