// The hub's server: plain http, or https with a certificate and key (--tls-cert / --tls-key, read
// at start by config.ts; the deploy kit can make a self-signed pair for the hall's LAN).
import { createServer as createHttpServer, type RequestListener, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { TlsPair } from '../config.js';

export function createHubServer(app: RequestListener, tls: TlsPair | undefined): HttpServer | HttpsServer {
  return tls ? createHttpsServer(tls, app) : createHttpServer(app);
}
