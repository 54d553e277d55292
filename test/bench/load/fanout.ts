// Call → every board, window display and pad that shows it, through the hub and, in the same run, through
// a bare Socket.IO server sending the hub's broadcasts of the call (and of the no-show that frees the
// window) to the same sockets. Calls alternate between the two, so both see the same noise.
import type { TicketCalled, TicketChanged } from '@yichuang/shared/events';
import type { Socket } from 'socket.io-client';
import type { Client } from '../../helpers/test-hub.js';
import { summary } from '../summary.js';
import { everyoneGets, type HubDevice } from './connect.js';
import { showsCallAt } from './devices.js';
import type { BareCall, FanoutResult, FanoutSide, LoadSettings, PerStream, PrepareResult } from './protocol.js';
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

/** The next `event` about `windowId` one socket gets (to capture what a stream carries). */
function nextAbout(socket: Client, event: 'ticket:called' | 'ticket:noShow', windowId: string, timeoutMs = 10_000): Promise<unknown> {
  const s = socket as unknown as Pick<Socket, 'on' | 'off'>;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      s.off(event, listener);
      reject(new Error(`fan-out: no ${event} about ${windowId} captured`));
    }, timeoutMs);
    function listener(p: { window?: { id: string } }): void {
      if (p.window?.id !== windowId) return;
      clearTimeout(timer);
      s.off(event, listener);
      resolve(p);
    }
    s.on(event, listener);
  });
}

async function measureFanout(hub: HubDevice[], desks: Desk[], bare: Socket[], settings: LoadSettings): Promise<FanoutResult> {
  if (desks.length === 0) throw new Error('fan-out: no windows prepared');
  const bareSender = bare[hub.findIndex((d) => d.plan.role === 'window')]!;
  const rounds = settings.warmUpCalls + settings.calls;

  const hubSide = side();
  const bareSide = side();
  let call: BareCall | undefined;
  let payloadBytes = 0;
  let refused = 0;
  const calls = { hub: 0, bare: 0 };

  /** A socket of each stream for the window: what the bare server sends its room. */
  const streamSockets = (windowId: string): Record<keyof PerStream, Client> => {
    const first = (match: (d: HubDevice) => boolean): Client => {
      const d = hub.find(match);
      if (!d) throw new Error(`fan-out: no socket to capture a stream at ${windowId}`);
      return d.socket;
    };
    return {
      staff: first((d) => d.plan.role === 'window'),
      public: first((d) => d.plan.role === 'board'),
      window: first((d) => d.plan.role === 'display' && d.plan.windowId === windowId),
    };
  };
  const captureAll = (event: 'ticket:called' | 'ticket:noShow', windowId: string): Promise<PerStream> => {
    const sockets = streamSockets(windowId);
    return Promise.all((['staff', 'public', 'window'] as const).map((k) => nextAbout(sockets[k], event, windowId))).then(([staff, pub, window]) => ({ staff, public: pub, window }));
  };

  /** A call at the desk's window and the no-show that frees it again; the first one's broadcasts are captured for the bare server. */
  const hubCall = async (desk: Desk, keep: boolean): Promise<boolean> => {
    const capturing = call === undefined;
    const called = capturing ? captureAll('ticket:called', desk.windowId) : undefined;
    const receivers = receiversAt(hub, desk.windowId);
    const round = await everyoneGets<TicketCalled>(
      receivers,
      'ticket:called',
      (p) => p.window.id === desk.windowId,
      (abort) => {
        void desk.socket.emitWithAck('window:callNext', { cmdId: commandId(), windowId: desk.windowId }).then((ack) => {
          if (!ack.ok) abort();
        });
      },
    );
    if (round.aborted || round.times.length === 0) {
      called?.catch(() => undefined);
      return false;
    }
    calls.hub++;
    if (keep) record(hubSide, round);
    const freed = capturing ? captureAll('ticket:noShow', desk.windowId) : undefined;
    // Free the window again, and let that broadcast pass before the next call.
    await everyoneGets<TicketChanged>(receivers, 'ticket:noShow', (p) => p.window?.id === desk.windowId, () => {
      void desk.socket.emitWithAck('window:noShow', { cmdId: commandId(), windowId: desk.windowId });
    });
    if (called && freed) {
      call = { called: await called, noShow: await freed };
      payloadBytes = Buffer.byteLength(JSON.stringify(call.called.public));
    }
    return true;
  };

  /** The same two broadcasts through the bare server, to the sockets that stand for the hub's at that window. */
  const bareCall = async (windowId: string, keep: boolean): Promise<void> => {
    const receivers = bare.filter((_, i) => showsCallAt(hub[i]!.plan, windowId));
    const round = await everyoneGets(receivers, 'ticket:called', () => true, () => void bareSender.emit('call', windowId));
    calls.bare++;
    if (keep) record(bareSide, round);
    await everyoneGets(receivers, 'ticket:noShow', () => true, () => void bareSender.emit('free', windowId));
  };

  // The first call gives the payloads the bare server will send.
  let next = 0;
  while (!call && next < desks.length * 2) if (!(await hubCall(desks[next++ % desks.length]!, false))) refused++;
  if (!call) throw new Error('fan-out: no window could call a ticket');
  await bareSender.emitWithAck('callPayloads', call);

  for (let i = 0; i < rounds; i++) {
    const keep = i >= settings.warmUpCalls;
    const hubFirst = i % 2 === 0;
    const bareWindow = desks[i % desks.length]!.windowId;
    if (!hubFirst) await bareCall(bareWindow, keep);
    for (let tries = 0; tries < desks.length; tries++) {
      if (await hubCall(desks[next++ % desks.length]!, keep)) break;
      refused++;
    }
    if (hubFirst) await bareCall(bareWindow, keep);
  }
  return { receivers: receiversAt(hub, desks[0]!.windowId).length, payloadBytes, hub: summarise(hubSide), bare: summarise(bareSide), calls, refused };
}

function record(s: Side, round: { times: number[]; missed: number }): void {
  s.deliveries.push(...round.times);
  if (round.missed === 0) s.lasts.push(Math.max(...round.times));
  s.missed += round.missed;
}
