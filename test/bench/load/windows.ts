// Gets every window ready to call: staff signed in (工号 = window number + '01'), not paused, nobody
// at the desk from the history's today, and enough tickets waiting for all the calls to come.
import type { WindowChanged } from '@yichuang/shared/events';
import { DEMO_PIN } from '../../../hub/src/demo/demo-staff.js';
import type { Client } from '../../helpers/test-hub.js';
import { everyoneGets, type HubDevice } from './connect.js';

export interface Desk {
  windowId: string;
  socket: Client;
}

let commands = 0;
export const commandId = (): string => `bench-${process.pid}-${++commands}`;

function must<T>(ack: { ok: true; data: T } | { ok: false; error: { message: string } }, what: string): T {
  if (!ack.ok) throw new Error(`${what}: ${ack.error.message}`);
  return ack.data;
}

export async function prepareWindows(hub: readonly HubDevice[], receiversAt: (windowId: string) => readonly Client[], calls: number): Promise<{ desks: Desk[]; tickets: number }> {
  const sockets = new Map<string, Client>();
  for (const d of hub) if (d.plan.role === 'window' && d.plan.windowId && !sockets.has(d.plan.windowId)) sockets.set(d.plan.windowId, d.socket);
  const first = sockets.values().next().value;
  if (!first) throw new Error('fan-out: no window clients connected');
  const snapshot = must(await first.emitWithAck('sync:snapshot', {}), 'snapshot');

  const desks: Desk[] = [];
  const tickets: { socket: Client; categoryId: string }[] = [];
  const perWindow = Math.ceil(calls / sockets.size) + 2;
  for (const w of snapshot.windows) {
    const socket = sockets.get(w.id);
    if (!socket) continue;
    const windowId = w.id;
    const staffNumber = `${String(w.number).padStart(2, '0')}01`;
    const { window } = must(await socket.emitWithAck('staff:signIn', { cmdId: commandId(), windowId, staffNumber, pin: DEMO_PIN }), `sign-in at ${windowId}`);
    if (window.status === 'paused') must(await socket.emitWithAck('window:unpause', { cmdId: commandId(), windowId }), `unpause ${windowId}`);
    if (window.current?.state === 'called') must(await socket.emitWithAck('window:noShow', { cmdId: commandId(), windowId }), `clear ${windowId}`);
    if (window.current?.state === 'serving') must(await socket.emitWithAck('window:finish', { cmdId: commandId(), windowId, outcome: 'done' }), `clear ${windowId}`);
    desks.push({ windowId, socket });
    const categoryId = [...w.categories].sort((a, b) => b.weight - a.weight)[0]!.categoryId;
    for (let i = 0; i < perWindow; i++) tickets.push({ socket, categoryId });
  }

  for (const t of tickets) must(await t.socket.emitWithAck('ticket:issue', { cmdId: commandId(), categoryId: t.categoryId }), 'issue');
  await barrier(receiversAt(desks[0]!.windowId), desks[0]!);
  return { desks, tickets: tickets.length };
}

/**
 * Returns once every receiver has seen everything broadcast so far: a window pauses and reopens,
 * and broadcasts reach each socket in order.
 */
async function barrier(receivers: readonly Client[], desk: Desk): Promise<void> {
  const { windowId, socket } = desk;
  for (const status of ['paused', 'open'] as const) {
    await everyoneGets<WindowChanged>(receivers, 'window:changed', (p) => p.window.id === windowId && p.window.status === status, () => {
      if (status === 'paused') void socket.emitWithAck('window:pause', { cmdId: commandId(), windowId, reason: 'other' });
      else void socket.emitWithAck('window:unpause', { cmdId: commandId(), windowId });
    });
  }
}
