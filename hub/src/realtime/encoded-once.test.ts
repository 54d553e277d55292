import { Server } from 'socket.io';
import { expect, it } from 'vitest';
import { encodedOnce, encodeMarkedOnce } from './encoded-once.js';
import type { HubServer } from './types.js';

type Packet = Parameters<HubServer['encoder']['encode']>[0];

it('writes a marked answer byte for byte as Socket.IO does, and leaves every other packet to it', () => {
  const io: HubServer = new Server();
  const snapshot = { seq: 4, tickets: [{ number: 'A001', name: '张三', ahead: undefined }], note: 'a "quoted" \u2028 line' };
  const packets: Packet[] = [
    { type: 3, nsp: '/', id: 7, data: [{ ok: true, data: snapshot }] },
    { type: 3, nsp: '/admin', id: 12, data: [{ ok: true, data: snapshot }] },
    { type: 3, nsp: '/', id: 8, data: [{ ok: true, data: snapshot, extra: 1 }] },
    { type: 3, nsp: '/', id: 9, data: [{ ok: false, error: { code: 'X' } }] },
    { type: 2, nsp: '/', data: ['ticket:called', { ok: true, data: snapshot }] },
  ];
  const plain = packets.map((p) => io.encoder.encode(p));
  encodeMarkedOnce(io);
  encodedOnce(snapshot);
  expect(packets.map((p) => io.encoder.encode(p))).toEqual(plain);
  // Made once: a second answer with the same object reuses the first JSON (a change made since does not show).
  snapshot.seq = 5;
  expect(io.encoder.encode(packets[0]!)).toEqual(plain[0]);
});
