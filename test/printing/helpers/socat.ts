// A virtual serial cable: socat joins two PTYs, and what is written to one end is read at the other.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { access, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const HAS_SOCAT = spawnSync('socat', ['-V'], { stdio: 'ignore' }).status === 0;
if (!HAS_SOCAT) {
  console.error('\n!!!!!!!!!! socat IS MISSING: the printer tests over a PTY are SKIPPED. Install it: apt-get install socat !!!!!!!!!!\n');
}

export interface PtyPair {
  /** The end the hub (or agent) opens as its printer's serial port. */
  host: string;
  /** The end the virtual printer listens on. */
  printer: string;
  close(): Promise<void>;
}

export async function ptyPair(): Promise<PtyPair> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pty-'));
  const host = path.join(dir, 'a');
  const printer = path.join(dir, 'b');
  const child: ChildProcess = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${host}`, `pty,raw,echo=0,link=${printer}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (b: Buffer) => (log += b.toString()));
  const exists = (p: string) => access(p).then(() => true, () => false);
  for (let i = 0; !(await exists(host)) || !(await exists(printer)); i++) {
    if (i > 100 || child.exitCode !== null) throw new Error(`socat did not make its PTYs:\n${log}`);
    await sleep(20);
  }
  return {
    host,
    printer,
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill();
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
