// Room names: every device joins the hall room; role and window rooms narrow a broadcast down.
import type { Device } from '@yichuang/shared/domain';

export const HALL_ROOM = 'hall';
export const roleRoom = (role: Device['role']): string => `role:${role}`;
export const windowRoom = (windowId: string): string => `window:${windowId}`;

export function roomsOf(device: Device): string[] {
  const rooms = [HALL_ROOM, roleRoom(device.role)];
  if (device.windowId) rooms.push(windowRoom(device.windowId));
  return rooms;
}
