// Call → every board, window display and pad, through the hub and, in the same run and with the same
// payload, through a bare Socket.IO server. Calls alternate between the two, so both see the same noise.
import type { TicketCalled, TicketChanged } from '@yichuang/shared/events';
import type { Socket } from 'socket.io-client';
import type { Client } from '../../helpers/test-hub.js';
import { summary } from '../summary.js';
import { everyoneGets, type HubDevice } from './connect.js';
import { isCallReceiver, showsCallAt } from './devices.js';
import type { FanoutResult, FanoutSide, LoadSettings, PrepareResult } from './protocol.js';
import { commandId, prepareWindows, type Desk } from './windows.js';

interface Side {
  deliveries: number[];
  lasts: number[];
  missed: number;
}

const side = (): Side => ({ deliveries: [], lasts: [], missed: 0 });
const summarise = (s: Side): FanoutSide => ({ delivery: summary(s.deliveries), last: summary(s.lasts), missed: s.missed });

/** The screens that get a call, and the windows ready to make calls (windows.ts). */
export class Fanout {
  private desks: Desk[] = [];

  constructor(
    private readonly hub: HubDevice[],
    private readonly bare: Socket[],
    private readonly settings: LoadSettings,
  ) {}

  /** The payload-capturing call and a spare per window come on top of the measured calls. */
  async prepare(): Promise<PrepareResult> {
    const prepared = await prepareWindows(this.hub, (windowId) => receiversAt(this.hub, windowId), this.settings.warmUpCalls + this.settings.calls + 1);
    this.desks = prepared.desks;
    return { windows: prepared.desks.length, tickets: prepared.tickets };
  }

  measure(): Promise<FanoutResult> {
    return measureFanout(this.hub, this.desks, this.bare, this.settings);
  }
}

/** The screens that show a call at this window. */
const receiversAt = (hub: readonly HubDevice[], windowId: string): Client[] => hub.filter((d) => showsCallAt(d.plan, windowId)).map((d) => d.socket);

async function measureFanout(hub: HubDevice[], desks: Desk[], bare: Socket[], settings: LoadSettings): Promise<FanoutResult> {
  if (desks.length === 0) throw new Error('fan-out: no windows prepared');
  const bareReceivers = bare.filter((_, i) => isCallReceiver(hub[i]!.plan));
  const bareSender = bare[hub.findIndex((d) => d.plan.role === 'window')]!;
  const rounds = settings.warmUpCalls + settings.calls;

  const hubSide = side();
  const bareSide = side();
  let payload: TicketCalled | undefined;
  let refused = 0;
  const calls = { hub: 0, bare: 0 };

  const hubCall = async (desk: Desk, keep: boolean): Promise<boolean> => {
    let called: TicketCalled | undefined;
    const receivers = receiversAt(hub, desk.windowId);
    const round = await everyoneGets<TicketCalled>(
      receivers,
      'ticket:called',
      (p) => {
        if (p.window.id !== desk.windowId) return false;
        called ??= p;
        return true;
      },
      (abort) => {
        void desk.socket.emitWithAck('window:callNext', { cmdId: commandId(), windowId: desk.windowId }).then((ack) => {
          if (!ack.ok) abort();
        });
      },
    );
    if (round.aborted || !called) return false;
    calls.hub++;
    payload ??= called;
    if (keep) record(hubSide, round);
    // Free the window again, and let that broadcast pass before the next call.
    await everyoneGets<TicketChanged>(receivers, 'ticket:noShow', (p) => p.window?.id === desk.windowId, () => {
      void desk.socket.emitWithAck('window:noShow', { cmdId: commandId(), windowId: desk.windowId });
    });
    return true;
  };

  const bareCall = async (keep: boolean): Promise<void> => {
    const round = await everyoneGets(bareReceivers, 'ticket:called', () => true, () => void bareSender.emit('fanout'));
    calls.bare++;
    if (keep) record(bareSide, round);
  };

  // The first call gives the payload the bare server will send.
  let next = 0;
  while (!payload && next < desks.length * 2) if (!(await hubCall(desks[next++ % desks.length]!, false))) refused++;
  if (!payload) throw new Error('fan-out: no window could call a ticket');
  await bareSender.emitWithAck('payload', payload);

  for (let i = 0; i < rounds; i++) {
    const keep = i >= settings.warmUpCalls;
    const hubFirst = i % 2 === 0;
    if (!hubFirst) await bareCall(keep);
    for (let tries = 0; tries < desks.length; tries++) {
      if (await hubCall(desks[next++ % desks.length]!, keep)) break;
      refused++;
    }
    if (hubFirst) await bareCall(keep);
  }
  return { receivers: receiversAt(hub, desks[0]!.windowId).length, payloadBytes: Buffer.byteLength(JSON.stringify(payload)), hub: summarise(hubSide), bare: summarise(bareSide), calls, refused };
}

function record(s: Side, round: { times: number[]; missed: number }): void {
  s.deliveries.push(...round.times);
  if (round.missed === 0) s.lasts.push(Math.max(...round.times));
  s.missed += round.missed;
}
