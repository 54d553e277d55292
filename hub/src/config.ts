// Everything the hub and its tools read from their command line and environment, read in this one
// place: the hub's options, and the command-line reader every tool shares with it (the data tools,
// printer:test, the print agent). A data tool reads --data as the hub does.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import path from 'node:path';
import { HALL_LEVELS, type HallLevel } from '@yichuang/shared/lists';
import type { DemoIdentity } from './demo/demo-hall.js';
import { DEFAULT_DATA_DIR, dataFolder } from './storage/data-folder.js';
import { fileExists, readFileAtStart } from './storage/files.js';

/** The certificate and key (PEM) named by --tls-cert / --tls-key, read at start. */
export interface TlsPair {
  cert: Buffer;
  key: Buffer;
}

export interface HubOptions {
  port: number;
  host: string;
  dataDir: string;
  /** Folder holding kiosk/dist and window-client/dist. */
  screensDir: string;
  version: string;
  /** Serve https with this certificate and key; plain http without. */
  tls?: TlsPair;
  /** Who the demo hall seeded into an empty data folder is; the default demo hall without. */
  demoIdentity?: DemoIdentity;
  /** Forward the journal to the district's PostgreSQL (hub/src/federation). */
  federate?: FederateOptions;
  /** The hall's Chromium, for the evaluation report's PDF (default /usr/bin/chromium). */
  chromium?: string;
  /** Timing of the provincial platform's outbox (hub/src/province); defaults suit a real platform. */
  province?: ProvinceOptions;
}

export interface ProvinceOptions {
  /** How long one post may take (default 10 s). */
  timeoutMs?: number;
  /** The first wait after a failure (default 1 s), doubled after each failure in a row… */
  retryMinMs?: number;
  /** …up to this (default 5 min). */
  retryMaxMs?: number;
}

export interface FederateOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  /** How long one database call may take before the link is given up and opened again (default 10 s). */
  timeoutMs?: number;
  /** The longest wait between tries while the link is down (default 10 s). */
  retryMaxMs?: number;
  /** How often an idle link reports to the district (default 5 s). */
  heartbeatMs?: number;
}

/** How --data is given, in every usage text that has it. */
export const DATA_USAGE = `  --data DIR       数据目录 / data folder (default ./${DEFAULT_DATA_DIR}, env YICHUANG_DATA)`;

const USAGE = `用法 / usage: node hub/dist/main.js [--port N] [--host ADDR] [--data DIR] [--tls-cert FILE --tls-key FILE] [--federate URL]
  --port N         端口，0 表示任意空闲端口 / port, 0 = any free port (default 8080, env PORT)
  --host ADDR      监听地址 / listen address (default 0.0.0.0, env HOST)
${DATA_USAGE}
  --tls-cert FILE  启用 HTTPS 的证书（PEM）/ certificate for HTTPS, PEM (env YICHUANG_TLS_CERT)
  --tls-key FILE   证书私钥（PEM）/ its private key, PEM (env YICHUANG_TLS_KEY)
  --federate URL   将日志转发到区级 PostgreSQL / forward the journal to the district's PostgreSQL,
                   postgres://user:password@host:port/db (env YICHUANG_FEDERATE)
  --chromium PATH  生成 PDF 用的 Chromium / Chromium for PDF reports (default /usr/bin/chromium, env YICHUANG_CHROMIUM)
  --hall-id ID     空数据目录中演示大厅的编号 / id of the demo hall seeded into an empty data folder
  --hall-name NAME 其名称 / its name
  --hall-level L   其层级 / its level: ${HALL_LEVELS.join('|')} (default centre)`;

const HALL_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const FEDERATE_URL = /^postgres(ql)?:\/\//;

export class OptionsError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;
type Values<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true }>>['values'];

/** Reads a command line; an unknown or malformed option, or --help, is an OptionsError carrying the usage. */
export function readCommandLine<const O extends Options>(argv: string[], options: O, usage: string): Values<O> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean' } }, strict: true });
  } catch (err) {
    throw new OptionsError(`${(err as Error).message}\n${usage}`);
  }
  if ('help' in parsed.values) throw new OptionsError(usage);
  return parsed.values as Values<O>;
}

const DATA_OPTION = { data: { type: 'string' } } as const;

const dataDirOf = (given: string | undefined, env: NodeJS.ProcessEnv): string => path.resolve(given ?? env.YICHUANG_DATA ?? DEFAULT_DATA_DIR);

export function readOptions(argv: string[], env: NodeJS.ProcessEnv, repoRoot: string): HubOptions {
  const values = readCommandLine(
    argv,
    {
      port: { type: 'string' },
      host: { type: 'string' },
      ...DATA_OPTION,
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      federate: { type: 'string' },
      chromium: { type: 'string' },
      'hall-id': { type: 'string' },
      'hall-name': { type: 'string' },
      'hall-level': { type: 'string' },
    },
    USAGE,
  );
  const portText = values.port ?? env.PORT ?? '8080';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new OptionsError(`端口无效 / invalid port: ${portText}\n${USAGE}`);
  }
  const certFile = values['tls-cert'] ?? env.YICHUANG_TLS_CERT;
  const keyFile = values['tls-key'] ?? env.YICHUANG_TLS_KEY;
  if (Boolean(certFile) !== Boolean(keyFile)) {
    throw new OptionsError(`--tls-cert 与 --tls-key 须同时给出 / give both --tls-cert and --tls-key\n${USAGE}`);
  }
  const tls = certFile && keyFile && { cert: readFileAtStart(path.resolve(certFile), 'TLS 证书 / certificate'), key: readFileAtStart(path.resolve(keyFile), 'TLS 私钥 / key') };
  const federate = values.federate ?? env.YICHUANG_FEDERATE;
  if (federate !== undefined && !FEDERATE_URL.test(federate)) {
    throw new OptionsError(`--federate 须为 postgres:// 地址 / --federate must be a postgres:// URL\n${USAGE}`);
  }
  const demoIdentity = readDemoIdentity(values['hall-id'], values['hall-name'], values['hall-level']);
  const chromium = values.chromium ?? env.YICHUANG_CHROMIUM;
  return {
    port,
    host: values.host ?? env.HOST ?? '0.0.0.0',
    dataDir: dataDirOf(values.data, env),
    screensDir: repoRoot,
    version: env.npm_package_version ?? '0.1.0',
    ...(tls && { tls }),
    ...(federate && { federate: { url: federate } }),
    ...(demoIdentity && { demoIdentity }),
    ...(chromium && { chromium }),
  };
}

function readDemoIdentity(id: string | undefined, name: string | undefined, level: string | undefined): DemoIdentity | undefined {
  if (id === undefined) {
    if (name !== undefined || level !== undefined) throw new OptionsError(`--hall-name、--hall-level 须与 --hall-id 同时给出 / give --hall-id with --hall-name and --hall-level\n${USAGE}`);
    return undefined;
  }
  if (!HALL_ID.test(id)) throw new OptionsError(`大厅编号须为小写字母、数字和连字符 / the hall id takes lower-case letters, digits and hyphens: ${id}\n${USAGE}`);
  if (level !== undefined && !(HALL_LEVELS as readonly string[]).includes(level)) {
    throw new OptionsError(`大厅层级无效 / invalid hall level: ${level} (${HALL_LEVELS.join('|')})\n${USAGE}`);
  }
  return { id, ...(name && { name }), ...(level && { level: level as HallLevel }) };
}

/**
 * A data tool's command line: its own options, and --data read as the hub reads it. The folder must
 * already hold a hall: a tool given a mistyped path says so and stops, and never starts a hall there.
 */
export function readToolOptions<const O extends Options>(argv: string[], env: NodeJS.ProcessEnv, options: O, usage: string): { dataDir: string; values: Values<O> } {
  const values = readCommandLine(argv, { ...options, ...DATA_OPTION }, usage);
  const dataDir = dataDirOf((values as Values<typeof DATA_OPTION>).data, env);
  if (!fileExists(dataFolder(dataDir).config)) throw noHall(dataDir);
  return { dataDir, values };
}

/** What a data tool says of a folder without a hall; also its seed for ConfigStore.open, which must never seed one. */
export function noHall(dataDir: string): OptionsError {
  return new OptionsError(
    `${dataDir} 中没有大厅数据（没有 config.json），未作任何改动；请用 --data 指定 hub 的数据目录 / ` +
      `no hall in ${dataDir} (no config.json), nothing changed: give the hub's data folder with --data`,
  );
}
