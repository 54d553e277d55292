// The devices the load processes connect: demo tokens shared by several sockets each, in a mix like
// a big hall's (many boards and window screens, a few kiosks). Screens and kiosks run in separate
// processes, so the kiosks' ack timings are not held up by hundreds of screens decoding broadcasts.
import type { DeviceRole } from '@yichuang/shared/domain';

export interface DeviceSocketPlan {
  token: string;
  role: DeviceRole;
  windowId?: string;
}

export interface DevicePlan {
  screens: DeviceSocketPlan[];
  kiosks: DeviceSocketPlan[];
}

const nn = (n: number): string => String(n).padStart(2, '0');

/**
 * `total` sockets over the demo hall's devices: a fifth each of window clients, pads and displays
 * spread over the windows, 2 % kiosks (3 to 10: a big hall's kiosks, which a burst fires all at once),
 * a few consoles, and hall boards for the rest.
 */
export function devicePlan(total: number, windows: number): DevicePlan {
  const perWindow = Math.max(1, Math.floor((total * 0.2) / windows));
  const kioskCount = Math.min(10, Math.max(3, Math.round(total * 0.02)));
  const consoles = Math.max(1, Math.round(total * 0.008));
  const screens: DeviceSocketPlan[] = [];
  for (let w = 1; w <= windows; w++) {
    for (const role of ['window', 'pad', 'display'] as const) {
      for (let i = 0; i < perWindow; i++) screens.push({ token: `demo-${role}-${nn(w)}`, role, windowId: `w${nn(w)}` });
    }
  }
  for (let i = 0; i < consoles; i++) screens.push({ token: 'demo-console-1', role: 'console' });
  const boards = total - screens.length - kioskCount;
  for (let i = 0; i < boards; i++) screens.push({ token: 'demo-board-1', role: 'board' });
  const kioskTokens = ['demo-kiosk-1', 'demo-kiosk-2', 'demo-terminal24-1'];
  const kiosks = Array.from({ length: kioskCount }, (_, i): DeviceSocketPlan => ({ token: kioskTokens[i % kioskTokens.length]!, role: 'kiosk' }));
  return { screens, kiosks };
}

/** Screens that show or voice a call: the hall boards, the window-top displays and the pads. */
export const isCallReceiver = (d: DeviceSocketPlan): boolean => d.role === 'board' || d.role === 'display' || d.role === 'pad';

/** Those that show a call at this window: every board, and that window's display and pad (the hub sends them nothing of other windows). */
export const showsCallAt = (d: DeviceSocketPlan, windowId: string): boolean => d.role === 'board' || (isCallReceiver(d) && d.windowId === windowId);
