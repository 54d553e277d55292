import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSerialPorts, onPath } from './serial-ports.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ports-'));
  await mkdir(path.join(dir, 'dev'));
  for (const name of ['ttyUSB0', 'ttyACM1', 'tty0', 'null']) await writeFile(path.join(dir, 'dev', name), '');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('serial port list', () => {
  it('does not spawn udevadm where it is missing, and lists the device names instead', async () => {
    const empty = path.join(dir, 'bin');
    await mkdir(empty, { recursive: true });
    expect(await onPath('udevadm', empty)).toBe(false);
    const list = await listSerialPorts('linux', empty, path.join(dir, 'dev'));
    expect(list.ports.map((p) => path.basename(p.path))).toEqual(['ttyACM1', 'ttyUSB0']);
    expect(list.degraded).toMatch(/udevadm/);
  });

  it('finds a program on the search path', async () => {
    const bin = path.join(dir, 'bin2');
    await mkdir(bin, { recursive: true });
    await writeFile(path.join(bin, 'udevadm'), '#!/bin/sh\n', { mode: 0o755 });
    expect(await onPath('udevadm', `/nonexistent${path.delimiter}${bin}`)).toBe(true);
  });
});
