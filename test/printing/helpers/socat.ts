// A virtual serial cable: socat joins two PTYs, and what is written to one end is read at the other.
// socat is required (apt-get install socat; CI has it): without it every test that needs a PTY
// fails and says what to install; none is skipped.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { access, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const HAS_SOCAT = spawnSync('socat', ['-V'], { stdio: 'ignore' }).status === 0;
const MISSING = 'socat is not installed: the printer tests need it for their virtual serial cables (PTYs). Install it: apt-get install socat';

export interface PtyPair {
  /** The end the hub (or agent) opens as its printer's serial port. */
  host: string;
  /** The end the virtual printer listens on. */
  printer: string;
  /** Pulls the cable: socat ends, both PTYs go (their paths too), as a USB adapter taken out. */
  unplug(): Promise<void>;
  /** Plugs a new cable in at the same paths. */
  replug(): Promise<void>;
  close(): Promise<void>;
}

export async function ptyPair(): Promise<PtyPair> {
  if (!HAS_SOCAT) throw new Error(MISSING);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pty-'));
  const host = path.join(dir, 'a');
  const printer = path.join(dir, 'b');
  let child = await socat(host, printer);
  const unplug = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    }
  };
  return {
    host,
    printer,
    unplug,
    async replug() {
      await unplug();
      child = await socat(host, printer);
    },
    async close() {
      await unplug();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function socat(host: string, printer: string): Promise<ChildProcess> {
  const child: ChildProcess = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${host}`, `pty,raw,echo=0,link=${printer}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (b: Buffer) => (log += b.toString()));
  const exists = (p: string) => access(p).then(() => true, () => false);
  for (let i = 0; !(await exists(host)) || !(await exists(printer)); i++) {
    if (i > 100 || child.exitCode !== null) throw new Error(`socat did not make its PTYs:\n${log}`);
    await sleep(20);
  }
  return child;
}
