// Every temporary folder of a run — hubs' data folders, PostgreSQL clusters, browser profiles, whatever
// the tests and the processes they start make in the system's temp folder — goes into one folder of its
// own, removed when the run ends: a run left ~100 folders (~25 MB) behind in /tmp before.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export default async function setup(): Promise<() => Promise<void>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'yichuang-test-run-'));
  // As /tmp: PostgreSQL's clusters run as the postgres user.
  await chmod(dir, 0o1777);
  process.env.TMPDIR = dir;
  return () =>
    rm(dir, { recursive: true, force: true }).catch((err: Error) => {
      // A folder still in use (a mount a test left behind) is reported, not a failed run.
      console.warn(`could not remove the run's temporary folder ${dir}: ${err.message}`);
    });
}
