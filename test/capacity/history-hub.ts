// A real hub (port 0, the test clock on Monday 2026-11-23 10:00) whose data folder holds days of the
// bench's synthetic hall, generated through the engine (test/bench/history): journals and roll-ups
// as the hub would have written them, before the hub starts.
import { rm } from 'node:fs/promises';
import { simulateBlock } from '../bench/history/simulate-block.js';
import { seedAllDayHall } from '../helpers/hub-process.js';
import { MONDAY_10AM, startTestHub, tempDir, type TestHub } from '../helpers/test-hub.js';

export interface HistoryHubOptions {
  /** First and last day of history (the hub's today, 2026-11-23, follows). */
  from: string;
  to: string;
  ticketsPerWorkday: number;
}

export async function startHistoryHub({ from, to, ticketsPerWorkday }: HistoryHubOptions): Promise<TestHub> {
  const dataDir = await tempDir();
  await seedAllDayHall(dataDir);
  await simulateBlock({ dataDir, from, writeFrom: from, to, today: '2026-11-23', now: MONDAY_10AM, ticketsPerWorkday }, () => undefined);
  const hub = await startTestHub({ dataDir, start: MONDAY_10AM });
  return {
    ...hub,
    async close() {
      await hub.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
