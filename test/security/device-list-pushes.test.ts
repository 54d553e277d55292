// Screens reconnecting together (a hub restart: 500 of them) each change who is online; the consoles'
// device list is sent gathered, at most about once a second, not once per screen — and still right.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DeviceList } from '@yichuang/shared/admin';
import { connectClient, startTestHub, type Client, type TestHub } from '../helpers/test-hub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => {
  await t?.close();
});

const SCREENS = ['demo-kiosk-1', 'demo-board-1', 'demo-window-01', 'demo-window-02', 'demo-window-03'];
const SOCKETS = 40;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const online = (list: DeviceList | undefined, id: string): boolean | undefined => list?.devices.find((d) => d.id === id)?.online;

it('sends the consoles one device list per second at most while many screens connect and leave, the last one right', async () => {
  const console = await t.connect('demo-console-1');
  const pushes: DeviceList[] = [];
  console.on('device:listChanged', (list) => pushes.push(list));

  // Waits (bounded) until the last list shows what `right` wants, then says how long that took in seconds.
  const until = async (right: (list: DeviceList | undefined) => boolean, from: number): Promise<number> => {
    while (!right(pushes.at(-1)) && performance.now() - from < 15_000) await sleep(50);
    await sleep(1100); // anything still gathered goes out within a second
    return (performance.now() - from) / 1000;
  };
  const started = performance.now();
  const screens: Client[] = await Promise.all(Array.from({ length: SOCKETS }, (_, i) => connectClient(t.hub.url, SCREENS[i % SCREENS.length]!)));
  const up = await until((list) => ['kiosk-1', 'board-1', 'window-01', 'window-02', 'window-03'].every((id) => online(list, id)), started);
  // One at once, then at most one a second (each socket's arrival is a change: 40 pushes without gathering).
  expect(pushes.length).toBeGreaterThanOrEqual(1);
  expect(pushes.length).toBeLessThanOrEqual(Math.ceil(up) + 1);
  for (const id of ['kiosk-1', 'board-1', 'window-01', 'window-02', 'window-03']) expect(online(pushes.at(-1), id)).toBe(true);

  const before = pushes.length;
  const leaving = performance.now();
  for (const s of screens) s.disconnect();
  const down = await until((list) => ['kiosk-1', 'board-1', 'window-01'].every((id) => online(list, id) === false), leaving);
  expect(pushes.length - before).toBeGreaterThanOrEqual(1);
  expect(pushes.length - before).toBeLessThanOrEqual(Math.ceil(down) + 1);
  for (const id of ['kiosk-1', 'board-1', 'window-01']) expect(online(pushes.at(-1), id)).toBe(false);
  expect(online(pushes.at(-1), 'console-1')).toBe(true);
  console.disconnect();
});
