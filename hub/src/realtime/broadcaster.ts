// The one sender to screens: it owns the Socket.IO server and every room name. A device joins, at its
// handshake, one of the two hall rooms (with or without tickets' masked identities), its role's room,
// its window's room, and its own; domains address screens by role, window or device, never by room.
import type { Device, DeviceRole } from '@yichuang/shared/domain';
import type { ServerToClientEvents } from '@yichuang/shared/events';
import { seesIdentities } from '../hall/views.js';
import type { HubServer, HubSocket } from './types.js';

/** What a broadcast is sent with: typed by the one event map. */
export type Emitter = Pick<ReturnType<HubServer['to']>, 'emit'>;

/** The hall's broadcasts without tickets' masked identities: boards, displays, pads, kiosks, consoles. */
const HALL_ROOM = 'hall';
/** The same broadcasts with them, for the window staff who follow a real-name ticket up. */
const STAFF_HALL_ROOM = 'hall:staff';
const roleRoom = (role: DeviceRole): string => `role:${role}`;
const windowRoom = (windowId: string): string => `window:${windowId}`;
/** Each device's own room: what is meant for it alone, and how to disconnect it. */
const deviceRoom = (deviceId: string): string => `device:${deviceId}`;

export class Broadcaster {
  constructor(private readonly io: HubServer) {}

  /** Puts a device's connection in its rooms. */
  admit(socket: HubSocket, device: Device): void {
    const rooms = [seesIdentities(device) ? STAFF_HALL_ROOM : HALL_ROOM, roleRoom(device.role), deviceRoom(device.id)];
    if (device.windowId) rooms.push(windowRoom(device.windowId));
    void socket.join(rooms);
  }

  /**
   * A numbered hall broadcast: every device gets one copy, window staff `staff`, everyone else
   * `open` (without identities). The same object for both goes out in one emit, encoded once.
   */
  hall<E extends keyof ServerToClientEvents>(event: E, staff: Parameters<ServerToClientEvents[E]>[0], open: Parameters<ServerToClientEvents[E]>[0]): void {
    const send = (rooms: string | string[], payload: unknown): void => void (this.io.to(rooms).emit as (e: string, p: unknown) => boolean)(event, payload);
    if (open === staff) return send([HALL_ROOM, STAFF_HALL_ROOM], staff);
    send(STAFF_HALL_ROOM, staff);
    send(HALL_ROOM, open);
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
