// The one sender to screens: it owns the Socket.IO server and every room name. A device joins, at its
// handshake, the room of the hall stream it follows (streamOf), its role's room, its window's room,
// and its own; domains address screens by stream, role, window or device, never by room.
import type { Device, DeviceRole } from '@yichuang/shared/domain';
import type { HallBroadcast, ServerToClientEvents } from '@yichuang/shared/events';
import { seesIdentities, type HallStream } from '../hall/views.js';
import type { HubServer, HubSocket } from './types.js';

/** What a broadcast is sent with: typed by the one event map. */
export type Emitter = Pick<ReturnType<HubServer['to']>, 'emit'>;

/** What the hall streams carry: each broadcast, and several gathered into one message. */
type StreamEvent = HallBroadcast | 'hall:gathered';
type Payload<E extends StreamEvent> = Parameters<ServerToClientEvents[E]>[0];

export type { HallStream };

/** The hall stream a device follows; print agents follow none. */
export function streamOf(device: Device): HallStream | undefined {
  switch (device.role) {
    case 'window':
    case 'console':
      return { kind: 'all', identities: seesIdentities(device) };
    case 'display':
    case 'pad':
      return device.windowId ? { kind: 'window', windowId: device.windowId } : { kind: 'public' };
    case 'board':
    case 'kiosk':
      return { kind: 'public' };
    case 'agent':
      return undefined;
  }
}

const STAFF_ROOM = 'hall:all:staff';
const ALL_ROOM = 'hall:all';
const PUBLIC_ROOM = 'hall:public';
const windowScreensRoom = (windowId: string): string => `hall:window:${windowId}`;

function streamRoom(stream: HallStream): string {
  if (stream.kind === 'all') return stream.identities ? STAFF_ROOM : ALL_ROOM;
  return stream.kind === 'public' ? PUBLIC_ROOM : windowScreensRoom(stream.windowId);
}
const roleRoom = (role: DeviceRole): string => `role:${role}`;
const windowRoom = (windowId: string): string => `window:${windowId}`;
/** Each device's own room: what is meant for it alone, and how to disconnect it. */
const deviceRoom = (deviceId: string): string => `device:${deviceId}`;

export class Broadcaster {
  constructor(private readonly io: HubServer) {}

  /** Puts a device's connection in its rooms. */
  admit(socket: HubSocket, device: Device): void {
    const stream = streamOf(device);
    const rooms = [roleRoom(device.role), deviceRoom(device.id)];
    if (stream) rooms.push(streamRoom(stream));
    if (device.windowId) rooms.push(windowRoom(device.windowId));
    void socket.join(rooms);
  }

  /**
   * To the screens following every change: window staff get `staff`, consoles `open` (without
   * identities); the same object for both goes out in one emit, encoded once.
   */
  toAll<E extends StreamEvent>(event: E, staff: Payload<E>, open: Payload<E> = staff): void {
    if (open === staff) return this.#send([STAFF_ROOM, ALL_ROOM], event, staff);
    this.#send(STAFF_ROOM, event, staff);
    this.#send(ALL_ROOM, event, open);
  }

  toPublic<E extends HallBroadcast>(event: E, payload: Payload<E>): void {
    this.#send(PUBLIC_ROOM, event, payload);
  }

  toWindowScreens<E extends HallBroadcast>(windowId: string, event: E, payload: Payload<E>): void {
    this.#send(windowScreensRoom(windowId), event, payload);
  }

  #send(rooms: string | string[], event: StreamEvent, payload: unknown): void {
    (this.io.to(rooms).emit as (e: string, p: unknown) => boolean)(event, payload);
  }

  toRoles(...roles: DeviceRole[]): Emitter {
    return this.io.to(roles.map(roleRoom));
  }

  toWindows(windowIds: readonly string[]): Emitter {
    return this.io.to(windowIds.map(windowRoom));
  }

  /** To devices by id; with `alsoRoles`, to every device of those roles too (each gets one copy). */
  toDevices(deviceIds: readonly string[], ...alsoRoles: DeviceRole[]): Emitter {
    return this.io.to([...deviceIds.map(deviceRoom), ...alsoRoles.map(roleRoom)]);
  }

  online(deviceId: string): boolean {
    return (this.io.sockets.adapter.rooms.get(deviceRoom(deviceId))?.size ?? 0) > 0;
  }

  /** Whether any device of this role is connected (nobody to tell means nothing to compute). */
  watched(role: DeviceRole): boolean {
    return (this.io.sockets.adapter.rooms.get(roleRoom(role))?.size ?? 0) > 0;
  }

  /** Cuts a device off at once (revoked). */
  disconnect(deviceId: string): void {
    this.io.in(deviceRoom(deviceId)).disconnectSockets(true);
  }
}
