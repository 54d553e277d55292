// Security tests' tools: pairing a device the way a new screen does, console sessions by cookie,
// and raw commands (payloads a typed client could not send).
import type { DeviceRole } from '@yichuang/shared/domain';
import { io } from 'socket.io-client';
import { DEMO_PASSWORD } from '../../hub/src/demo/demo-hall.js';
import { cmdId, type Client, type TestHub } from '../helpers/test-hub.js';

export { DEMO_PASSWORD };

export type RawAck = { ok: boolean; data?: unknown; error?: { code: string; message: string; messageEn: string } };

export const raw = (client: Client, event: string, payload: unknown): Promise<RawAck> =>
  (client.timeout(5000).emitWithAck as (e: string, p: unknown) => Promise<RawAck>)(event, payload);

/** A new screen asks for a code over REST; the demo console approves it; the screen collects its token. */
export async function pairDevice(t: TestHub, device: { name: string; role: DeviceRole; windowId?: string; zone?: string; kioskId?: string }): Promise<{ id: string; token: string }> {
  const asked = (await (await post(t.hub.url, '/api/pairing', { screen: device.role })).json()) as { data: { code: string; claim: string } };
  const console = await t.connect('demo-console-1');
  const approved = await console.emitWithAck('device:approve', { cmdId: cmdId(), code: asked.data.code, device });
  console.disconnect();
  if (!approved.ok) throw new Error(`pairing refused: ${approved.error.messageEn}`);
  const status = (await (await fetch(`${t.hub.url}/api/pairing/${asked.data.claim}`)).json()) as { data: { status: string; token: string } };
  const id = approved.data.devices.find((d) => d.name === device.name)!.id;
  return { id, token: status.data.token };
}

export function post(url: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** Signs in at a console over REST; the session cookie ('yc_session=…'), or the refusal. */
export async function signIn(url: string, deviceToken: string, staffNumber: string, password = DEMO_PASSWORD): Promise<{ status: number; cookie?: string; body: RawAck }> {
  const res = await post(url, '/api/session', { deviceToken, staffNumber, password });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  return { status: res.status, cookie, body: (await res.json()) as RawAck };
}

/** A socket.io client whose handshake carries a session cookie, as a browser's would. */
export function connectWithCookie(url: string, token: string, cookie: string | undefined): Promise<Client> {
  const client: Client = io(url, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: cookie ? { cookie } : {} });
  return new Promise((resolve, reject) => {
    client.once('device:welcome', () => resolve(client));
    client.once('connect_error', (err) => reject(err));
  });
}
