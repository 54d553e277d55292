// Pre-paired demo devices. Each token is 'demo-' + the device id, so screens can be opened
// without pairing, e.g. the pad of window 3 with token 'demo-pad-03'. Stored hashed like any token,
// and marked demo: the console lists them, and revokes them all before a hall goes live.
import type { Device, DeviceRole, ServiceWindow } from '@yichuang/shared/domain';
import { tokenHash } from '../security/device-tokens.js';
import { twoDigits } from './demo-windows.js';
import { HALL_ZONE, SELF_SERVICE_ZONE } from './demo-zones.js';

type Place = Pick<Device, 'zone' | 'windowId' | 'kioskId'>;

function demoDevice(id: string, name: string, role: DeviceRole, place: Place = {}): Device {
  return { id, name, role, ...place, tokenHash: tokenHash(`demo-${id}`), demo: true };
}

/** Every window has a staff client, a citizen-facing rating pad and a window-top display. */
const AT_EACH_WINDOW: { role: DeviceRole; label: string }[] = [
  { role: 'window', label: '叫号终端' },
  { role: 'pad', label: '评价器' },
  { role: 'display', label: '窗口屏' },
];

export function demoDevices(windows: readonly ServiceWindow[]): Device[] {
  return [
    demoDevice('kiosk-1', '1号取号机', 'kiosk', { zone: HALL_ZONE }),
    demoDevice('kiosk-2', '2号取号机', 'kiosk', { zone: HALL_ZONE }),
    demoDevice('terminal24-1', '24小时自助终端', 'kiosk', { zone: SELF_SERVICE_ZONE }),
    // Print agents on the kiosk PCs (npm run agent -- --token demo-agent-kiosk-1 …).
    demoDevice('agent-kiosk-1', '1号取号机打印代理', 'agent', { kioskId: 'kiosk-1' }),
    demoDevice('agent-kiosk-2', '2号取号机打印代理', 'agent', { kioskId: 'kiosk-2' }),
    demoDevice('agent-terminal24-1', '24小时自助终端打印代理', 'agent', { kioskId: 'terminal24-1' }),
    demoDevice('board-1', '大厅叫号屏', 'board', { zone: HALL_ZONE }),
    demoDevice('console-1', '管理控制台', 'console'),
    ...windows.flatMap((window) =>
      AT_EACH_WINDOW.map(({ role, label }) =>
        demoDevice(`${role}-${twoDigits(window.number)}`, `${window.number}号窗口${label}`, role, { windowId: window.id }),
      ),
    ),
  ];
}
