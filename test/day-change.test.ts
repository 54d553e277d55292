// Midnight in the hall (Asia/Shanghai): the new service day starts by the hub's clock, not at its first
// ticket, so every screen and the integrations API show it at once — empty queues, windows closed —
// while what outlives a day (the appointment book, open bad-rating cases) carries over.
import { describe, expect, it } from 'vitest';
import { seedAllDayHall } from './helpers/hub-process.js';
import { cmdId, next, restartableHubs, tempDir } from './helpers/test-hub.js';

/** Sunday 2026-11-22 23:59:50 in Asia/Shanghai (15:59:50 UTC), in a hall open round the clock. */
const BEFORE_MIDNIGHT = Date.parse('2026-11-22T15:59:50Z');
const { start } = restartableHubs();

const get = async <T>(url: string): Promise<T> => ((await (await fetch(url)).json()) as { data: T } & T);

describe('a day change with screens connected', () => {
  it('starts the new day at midnight: screens are told, the API shows the empty day', async () => {
    const dataDir = await tempDir();
    await seedAllDayHall(dataDir);
    const t = await start(dataDir, BEFORE_MIDNIGHT);
    const board = await t.connect('demo-board-1');
    const window = await t.connect('demo-window-01');
    const kiosk = await t.connect('demo-kiosk-1');
    const issued = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
    expect(issued.ok).toBe(true);
    expect((await get<{ day: string }>(`${t.hub.url}/api/health`)).day).toBe('2026-11-22');

    const boardTold = next(board, 'day:started', 3000);
    const windowTold = next(window, 'day:started', 3000);
    t.clock.advance(15_000);
    expect((await boardTold).day).toBe('2026-11-23');
    expect((await windowTold).day).toBe('2026-11-23');

    expect((await get<{ day: string }>(`${t.hub.url}/api/health`)).day).toBe('2026-11-23');
    const queues = (await get<{ data: { waiting: number }[] }>(`${t.hub.url}/api/queues`)).data;
    expect(queues.every((q) => q.waiting === 0)).toBe(true);
    const snapshot = await board.emitWithAck('sync:snapshot', {});
    expect(snapshot).toMatchObject({ ok: true, data: { day: '2026-11-23', recentCalls: [] } });
    expect(snapshot.ok && snapshot.data.queues.every((q) => q.waiting === 0)).toBe(true);
  });
});
