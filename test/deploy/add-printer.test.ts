// add-printer.sh writes the udev line that names a USB-serial printer /dev/yichuang-printer-N, by
// serial number, or by USB port when the chip has none. udevadm is a stub that answers as udev would.
import { chmod, copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/test-hub.js';
import { DEPLOY, runScript } from './run-script.js';

let dir = '';
let rules = '';
let env: NodeJS.ProcessEnv = {};

const WITH_SERIAL = 'ID_BUS=usb\nID_VENDOR_ID=0483\nID_MODEL_ID=5740\nID_SERIAL_SHORT=A1B2C3\nID_PATH=pci-0000:00:14.0-usb-0:2:1.0\n';
const NO_SERIAL = 'ID_BUS=usb\nID_VENDOR_ID=1a86\nID_MODEL_ID=7523\nID_PATH=pci-0000:00:14.0-usb-0:3:1.0\n';

beforeAll(async () => {
  dir = await tempDir('yichuang-udev-');
  await mkdir(path.join(dir, 'bin'));
  // `udevadm info` prints $UDEV_PROPS; other calls are logged.
  await writeFile(path.join(dir, 'bin/udevadm'), `#!/bin/sh\n[ "$1" = info ] && { printf '%s' "$UDEV_PROPS"; exit 0; }\necho "$*" >> "${dir}/calls"\n`);
  await chmod(path.join(dir, 'bin/udevadm'), 0o755);
  rules = path.join(dir, '99-yichuang-printers.rules');
  await copyFile(path.join(DEPLOY, 'udev/99-yichuang-printers.rules'), rules);
  env = { PATH: `${dir}/bin:${process.env.PATH}` };
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const ruleLines = async (): Promise<string[]> => (await readFile(rules, 'utf8')).split('\n').filter((l) => l && !l.startsWith('#'));

describe.skipIf(process.getuid?.() !== 0)('add-printer.sh', () => {
  it('names printers by vendor, product and serial, or by USB port without a serial, and reloads udev', async () => {
    const comments = (await readFile(rules, 'utf8')).split('\n').filter((l) => l.startsWith('#'));
    expect((await runScript('udev/add-printer.sh', ['/dev/ttyUSB0', '1', '--rules', rules], { ...env, UDEV_PROPS: WITH_SERIAL })).code).toBe(0);
    const second = await runScript('udev/add-printer.sh', ['/dev/ttyUSB1', '2', '--rules', rules], { ...env, UDEV_PROPS: NO_SERIAL });
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/按 USB 端口识别.*matched by USB port/);
    expect(await ruleLines()).toEqual([
      'SUBSYSTEM=="tty", ATTRS{idVendor}=="0483", ATTRS{idProduct}=="5740", ATTRS{serial}=="A1B2C3", SYMLINK+="yichuang-printer-1", GROUP="dialout", MODE="0660"',
      'SUBSYSTEM=="tty", ATTRS{idVendor}=="1a86", ATTRS{idProduct}=="7523", ENV{ID_PATH}=="pci-0000:00:14.0-usb-0:3:1.0", SYMLINK+="yichuang-printer-2", GROUP="dialout", MODE="0660"',
    ]);
    expect((await readFile(rules, 'utf8')).split('\n').filter((l) => l.startsWith('#'))).toEqual(comments);
    expect(await readFile(path.join(dir, 'calls'), 'utf8')).toContain('control --reload-rules\ntrigger --subsystem-match=tty --action=add\n');
  });

  it('moves a printer to a new number instead of giving it two names', async () => {
    expect((await runScript('udev/add-printer.sh', ['/dev/ttyUSB0', '3', '--rules', rules], { ...env, UDEV_PROPS: WITH_SERIAL })).code).toBe(0);
    const lines = await ruleLines();
    expect(lines.filter((l) => l.includes('A1B2C3'))).toEqual([expect.stringContaining('SYMLINK+="yichuang-printer-3"')]);
    expect(lines.some((l) => l.includes('yichuang-printer-2'))).toBe(true);
  });

  it('refuses a device that is not USB-serial', async () => {
    const r = await runScript('udev/add-printer.sh', ['/dev/ttyS0', '1', '--rules', rules], { ...env, UDEV_PROPS: 'DEVNAME=/dev/ttyS0\n' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/不是 USB 串口设备.*not a USB-serial device/);
  });
});
