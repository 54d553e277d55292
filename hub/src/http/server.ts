// The hub's server: plain http, or https with a certificate and key (--tls-cert / --tls-key; the
// deploy kit can make a self-signed pair for the hall's LAN).
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type RequestListener, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { TlsFiles } from '../config.js';

export function createHubServer(app: RequestListener, tls: TlsFiles | undefined): HttpServer | HttpsServer {
  if (!tls) return createHttpServer(app);
  return createHttpsServer({ cert: readPem(tls.certFile, '证书 / certificate'), key: readPem(tls.keyFile, '私钥 / key') }, app);
}

function readPem(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    throw new Error(`无法读取 TLS ${what} ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { cause: err });
  }
}
