// A throwaway PostgreSQL cluster for one test file: initdb into a temp folder (as the `postgres` OS
// user when the tests run as root, since PostgreSQL refuses to run as root), on a free port, its
// socket in the temp folder. Without PostgreSQL the test fails saying how to install it: never a skip.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface PostgresCluster {
  /** postgres://postgres@127.0.0.1:PORT/DB */
  url(database?: string): string;
  port: number;
  /** Creates a database (named for one test) and answers its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server: 'fast' disconnects clients cleanly, 'immediate' is a crash (recovery at the next start). */
  stop(mode?: 'fast' | 'immediate'): void;
  start(): void;
  /** Stops it for good and removes its folder. */
  destroy(): Promise<void>;
}

const INSTALL = 'PostgreSQL 未安装，请运行 apt-get install postgresql / PostgreSQL is missing: run apt-get install postgresql';

/** Where Debian installs PostgreSQL's server tools (off PATH), one folder per major version. */
export const DEBIAN_POSTGRES = '/usr/lib/postgresql';

/** The newest ROOT/N/bin holding initdb. */
function binDir(root: string): string {
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin/initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error(INSTALL);
  return path.join(root, newest, 'bin');
}

/** uid and gid of the `postgres` user when running as root; undefined (this user) otherwise. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const r = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (r.status !== 0 || g.status !== 0) throw new Error(`${INSTALL} (no postgres user)`);
  return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** `serverRoot`: where to look for PostgreSQL (Debian's place unless a test says otherwise). */
export async function startPostgres({ serverRoot = DEBIAN_POSTGRES }: { serverRoot?: string } = {}): Promise<PostgresCluster> {
  const bin = binDir(serverRoot);
  const user = serverUser();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'yichuang-pg-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = path.join(dir, 'data');
  const port = await freePort();
  const run = (tool: string, args: string[]): void => {
    try {
      execFileSync(path.join(bin, tool), args, { ...user, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    } catch (err) {
      const e = err as { stdout?: Buffer; stderr?: Buffer; message: string };
      throw new Error(`${tool} failed: ${e.message}\n${e.stdout?.toString() ?? ''}${e.stderr?.toString() ?? ''}`, { cause: err });
    }
  };
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  // fsync off: a throwaway cluster; 'immediate' stops still keep committed rows (the OS has them).
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=50`;
  const start = (): void => run('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-o', serverOptions, '-w', '-t', '30', 'start']);
  const stop = (mode: 'fast' | 'immediate' = 'fast'): void => run('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
  start();
  const url = (database = 'postgres'): string => `postgres://postgres@127.0.0.1:${port}/${database}`;
  let running = true;
  return {
    url,
    port,
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
      run('psql', ['-h', dir, '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-q', '-c', `CREATE DATABASE ${name}`]);
      return url(name);
    },
    stop(mode) {
      stop(mode);
      running = false;
    },
    start() {
      start();
      running = true;
    },
    async destroy() {
      if (running) stop('immediate');
      running = false;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
