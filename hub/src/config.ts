// Everything the hub reads from its command line and environment, read in this one place.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { DEFAULT_DATA_DIR } from './storage/data-folder.js';
import { readFileAtStart } from './storage/files.js';

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
}

const USAGE = `用法 / usage: node hub/dist/main.js [--port N] [--host ADDR] [--data DIR] [--tls-cert FILE --tls-key FILE]
  --port N         端口，0 表示任意空闲端口 / port, 0 = any free port (default 8080, env PORT)
  --host ADDR      监听地址 / listen address (default 0.0.0.0, env HOST)
  --data DIR       数据目录 / data folder (default ./data, env YICHUANG_DATA)
  --tls-cert FILE  启用 HTTPS 的证书（PEM）/ certificate for HTTPS, PEM (env YICHUANG_TLS_CERT)
  --tls-key FILE   证书私钥（PEM）/ its private key, PEM (env YICHUANG_TLS_KEY)`;

export class OptionsError extends Error {}

export function readOptions(argv: string[], env: NodeJS.ProcessEnv, repoRoot: string): HubOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (err) {
    throw new OptionsError(`${(err as Error).message}\n${USAGE}`);
  }
  if (values.help) throw new OptionsError(USAGE);
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
  return {
    port,
    host: values.host ?? env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(values.data ?? env.YICHUANG_DATA ?? DEFAULT_DATA_DIR),
    screensDir: repoRoot,
    version: env.npm_package_version ?? '0.1.0',
    ...(certFile && keyFile && { tls: { cert: readFileAtStart(path.resolve(certFile), 'TLS 证书 / certificate'), key: readFileAtStart(path.resolve(keyFile), 'TLS 私钥 / key') } }),
  };
}
