// A load process: connects its share of the devices to the hub and as many plain sockets to the bare
// Socket.IO server, then runs the phases the bench asks for and reports each result over IPC.
import type { Socket } from 'socket.io-client';
import { connectBare, connectHub, type HubDevice } from './connect.js';
import { Fanout } from './fanout.js';
import { Issuer } from './issuing.js';
import type { GatheredBroadcasts, QueuesChanged } from '@yichuang/shared/events';
import type { DeviceSocketPlan } from './devices.js';
import { BARE_ROOMS, type BareChanges, type FromLoad, type LoadJob, type Phase, type PhaseResults, type ToLoad } from './protocol.js';
import { askLikeCallers } from './queue-asks.js';
import { Recovery } from './recovery.js';
import type { WindowView } from '@yichuang/shared/domain';

const send = (m: FromLoad): void => void process.send!(m);

let hub: HubDevice[] = [];
let bare: Socket[] = [];
let issuer: Issuer | undefined;
let fanout: Fanout | undefined;
let recovery: Recovery | undefined;
let job: LoadJob | undefined;

async function start(j: LoadJob): Promise<void> {
  job = j;
  hub = await connectHub(j.hubUrl, j.devices);
  bare = await connectBare(j.bareUrl, j.devices.length);
  // Each bare socket in the room of the stream its device follows on the hub.
  await Promise.all(bare.map((socket, i) => socket.emitWithAck('join', bareRoom(j.devices[i]!))));
  if (j.role === 'screens') {
    fanout = new Fanout(hub, bare, j.settings);
    recovery = new Recovery(hub);
    const windows = (await (await fetch(`${j.hubUrl}/api/windows`)).json()) as { data: Pick<WindowView, 'id' | 'categories'>[] };
    askLikeCallers(j.hubUrl, hub, windows.data);
  }
  else {
    const snapshot = await hub[0]!.socket.emitWithAck('sync:snapshot', {});
    if (!snapshot.ok) throw new Error(`snapshot: ${snapshot.error.message}`);
    issuer = new Issuer(hub, snapshot.data.categories.map((c) => c.id));
  }
  send({ type: 'ready', sockets: hub.length + bare.length });
}

async function run(phase: Phase, servingAt = 0): Promise<PhaseResults[Phase]> {
  const { settings, hubPid } = job!;
  switch (phase) {
    case 'prepare':
      return fanout!.prepare();
    case 'fanout':
      return fanout!.measure();
    case 'steady':
      return issuer!.steady(settings.steady.rate, settings.steady.seconds);
    case 'capture':
      return capture(hub);
    case 'bareSteady':
      return issuer!.bareSteady(bare, settings.steady.rate, settings.steady.seconds);
    case 'burst':
      return issuer!.bursts(settings.bursts);
    case 'ramp':
      return issuer!.ramp(settings.ramp, hubPid);
    case 'rearm':
      return recovery!.arm();
    case 'recovered':
      return recovery!.measure(servingAt);
  }
}

function bareRoom(d: DeviceSocketPlan): string {
  if (d.role === 'window' || d.role === 'console') return BARE_ROOMS.staff;
  return (d.role === 'display' || d.role === 'pad') && d.windowId ? BARE_ROOMS.window(d.windowId) : BARE_ROOMS.public;
}

/** The next ticket issued a window client gets (gathered) and the next 'queues:changed' a board gets. */
function capture(devices: readonly HubDevice[]): Promise<BareChanges> {
  const first = (role: DeviceSocketPlan['role']): HubDevice['socket'] => {
    const d = devices.find((x) => x.plan.role === role);
    if (!d) throw new Error(`capture: no ${role} among the screens`);
    return d.socket;
  };
  const next = <P>(socket: HubDevice['socket'], event: 'hall:gathered' | 'queues:changed'): Promise<P> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`capture: no ${event} within 30 s`)), 30_000);
      (socket.once as (e: string, f: (p: P) => void) => void)(event, (p) => {
        clearTimeout(timer);
        resolve(p);
      });
    });
  const issued = next<GatheredBroadcasts>(first('window'), 'hall:gathered').then((g) => {
    const ticket = g.broadcasts.find((b) => b.name === 'ticket:issued');
    if (!ticket) throw new Error('capture: a gathered message with no ticket issued');
    return ticket;
  });
  return Promise.all([issued, next<QueuesChanged>(first('board'), 'queues:changed')]).then(([ticket, queues]) => ({ ticket, queues }));
}

const fail = (err: unknown): void => {
  send({ type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
};

process.on('message', (m: ToLoad) => {
  if (m.type === 'job') start(m.job).catch(fail);
  else run(m.phase, m.servingAt).then((result) => send({ type: 'result', phase: m.phase, result }), fail);
});
// The bench is gone (crashed, or killed without a chance to stop us): so is this process.
process.once('disconnect', () => process.exit(0));
