// Serial ports on this machine, for configuring a printer. On Linux, SerialPort.list() spawns
// `udevadm`; where udev is missing the spawn error is unhandled and takes the whole process down,
// so look for it first and otherwise list the usual device names.
import path from 'node:path';
import { SerialPort } from 'serialport';
import { isExecutable, listFolder } from '../storage/files.js';

export interface SerialPortEntry {
  path: string;
  manufacturer?: string;
  serialNumber?: string;
  vendorId?: string;
  productId?: string;
}

export interface PortList {
  ports: SerialPortEntry[];
  /** Set when the list comes from /dev names only (no udevadm): no makers, no serial numbers. */
  degraded?: string;
}

const DEVICE_NAMES = /^tty(USB|ACM|S|AMA|WCH|XRUSB)\d+$/;

export async function onPath(program: string, searchPath = process.env.PATH ?? ''): Promise<boolean> {
  for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
    if (await isExecutable(path.join(dir, program))) return true;
  }
  return false;
}

export async function listSerialPorts(platform = process.platform, searchPath = process.env.PATH ?? '', devDir = '/dev'): Promise<PortList> {
  if (platform === 'linux' && !(await onPath('udevadm', searchPath))) {
    const names = await listFolder(devDir).catch(() => [] as string[]);
    return {
      ports: names.filter((n) => DEVICE_NAMES.test(n)).sort().map((n) => ({ path: path.join(devDir, n) })),
      degraded: 'udevadm 未安装，仅列出设备名（请安装 udev） / udevadm missing: device names only (install udev)',
    };
  }
  const ports = await SerialPort.list();
  return { ports: ports.map(({ path: p, manufacturer, serialNumber, vendorId, productId }) => ({ path: p, manufacturer, serialNumber, vendorId, productId })) };
}
