// A small file system of its own for a test that needs the disk to fill up or turn read-only: a
// tmpfs mounted over a temp folder. Mounting needs root (CI runs the tests as root) or CAP_SYS_ADMIN;
// without it the test fails saying so, never skips.
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { tempDir } from './test-hub.js';

const run = promisify(execFile);

export interface Mount {
  dir: string;
  /** Remounts it read-only, as the kernel does to a failing disk (nothing may be open for writing). */
  readOnly(): Promise<void>;
  /** Unmounts it and removes the folder. */
  remove(): Promise<void>;
}

/** A tmpfs of `size` (e.g. '4m') over a new temp folder. */
export async function mountTmpfs(size: string): Promise<Mount> {
  const dir = await tempDir('yichuang-mount-');
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir]);
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(
      `this test mounts a tmpfs (mount -t tmpfs) to fill the disk or make it read-only: run it as root ` +
        `(CI does) or with CAP_SYS_ADMIN. mount said: ${(err as { stderr?: string }).stderr?.trim() || String(err)}`,
      { cause: err },
    );
  }
  return {
    dir,
    readOnly: async () => void (await run('mount', ['-o', 'remount,ro', dir])),
    async remove() {
      await run('umount', ['-l', dir]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
