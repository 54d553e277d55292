// Opening many sockets without a handshake storm: a few dozen at a time.
import { io, type Socket } from 'socket.io-client';
import { connectClient, type Client } from '../../helpers/test-hub.js';
import type { DeviceSocketPlan } from './devices.js';

const BATCH = 25;

async function inBatches<T, R>(items: readonly T[], open: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(...(await Promise.all(items.slice(i, i + BATCH).map(open))));
  return out;
}

export interface HubDevice {
  plan: DeviceSocketPlan;
  socket: Client;
}

export function connectHub(url: string, devices: readonly DeviceSocketPlan[]): Promise<HubDevice[]> {
  return inBatches(devices, async (plan) => ({ plan, socket: await connectClient(url, plan.token) }));
}

/** The same number of sockets to the bare Socket.IO server, which has no devices and no auth. */
export function connectBare(url: string, count: number): Promise<Socket[]> {
  return inBatches(Array.from({ length: count }), () => {
    const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
    return new Promise<Socket>((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  });
}

/** Resolves when every socket got `event` with a payload that `match`es, or at the timeout. */
export function everyoneGets<P>(
  sockets: readonly Pick<Socket, 'on' | 'off'>[],
  event: string,
  match: (payload: P) => boolean,
  send: (abort: () => void) => void,
  timeoutMs = 10_000,
): Promise<{ times: number[]; missed: number; aborted: boolean }> {
  return new Promise((resolve) => {
    const times: number[] = [];
    let aborted = false;
    const listeners = sockets.map((socket) => {
      const listener = (payload: P): void => {
        if (!match(payload)) return;
        socket.off(event, listener);
        times.push(performance.now() - sentAt);
        if (times.length === sockets.length) finish();
      };
      socket.on(event, listener);
      return { socket, listener };
    });
    const timer = setTimeout(finish, timeoutMs);
    function finish(): void {
      clearTimeout(timer);
      for (const { socket, listener } of listeners) socket.off(event, listener);
      resolve({ times, missed: sockets.length - times.length, aborted });
    }
    const sentAt = performance.now();
    send(() => {
      aborted = true;
      finish();
    });
  });
}
