// Room names: every device joins one of the two hall rooms; role and window rooms narrow a broadcast down.
import type { Device } from '@yichuang/shared/domain';
import { seesIdentities } from '../services/views.js';

/** The hall's broadcasts without tickets' masked identities: boards, displays, pads, kiosks, consoles. */
export const HALL_ROOM = 'hall';
/** The same broadcasts with them, for the window staff who follow a real-name ticket up. */
export const STAFF_HALL_ROOM = 'hall:staff';
export const roleRoom = (role: Device['role']): string => `role:${role}`;
export const windowRoom = (windowId: string): string => `window:${windowId}`;


export function roomsOf(device: Device): string[] {
  const rooms = [seesIdentities(device) ? STAFF_HALL_ROOM : HALL_ROOM, roleRoom(device.role)];
  if (device.windowId) rooms.push(windowRoom(device.windowId));
  return rooms;
}
