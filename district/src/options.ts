// The district server's command line, read in this one place.
import { parseArgs } from 'node:util';

export interface DistrictOptions {
  /** postgres://user:password@host:port/database */
  db: string;
  port: number;
  host: string;
}

export class OptionsError extends Error {}

export const USAGE = `用法 / usage: npm run district -- --db postgres://user:password@host:port/db [--port N] [--host ADDR]
  --db URL     区级 PostgreSQL 数据库 / the district's PostgreSQL database (env YICHUANG_DISTRICT_DB)
  --port N     端口，0 表示任意空闲端口 / port, 0 = any free port (default 8090, env PORT)
  --host ADDR  监听地址 / listen address (default 0.0.0.0, env HOST)`;

export function readOptions(argv: string[], env: NodeJS.ProcessEnv): DistrictOptions {
  let values;
  try {
    values = parseArgs({ args: argv, options: { db: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, help: { type: 'boolean' } }, strict: true }).values;
  } catch (err) {
    throw new OptionsError(`${(err as Error).message}\n${USAGE}`);
  }
  if (values.help) throw new OptionsError(USAGE);
  const db = values.db ?? env.YICHUANG_DISTRICT_DB;
  if (!db || !/^postgres(ql)?:\/\//.test(db)) throw new OptionsError(`须给出 --db postgres:// 地址 / give --db with a postgres:// URL\n${USAGE}`);
  const portText = values.port ?? env.PORT ?? '8090';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new OptionsError(`端口无效 / invalid port: ${portText}\n${USAGE}`);
  return { db, port, host: values.host ?? env.HOST ?? '0.0.0.0' };
}
