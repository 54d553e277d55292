// Answers that many screens get as the same object (a snapshot shared by every screen asking at the
// same seq, views.ts) are turned into JSON once, not once per socket: a whole hall's snapshot with
// 4,500 waiting tickets is ~1 MB, and after a restart a hundred window clients ask for it at once.
// The bytes on the wire are exactly what Socket.IO would send: clients see no difference.
import type { HubServer } from './types.js';

/** Socket.IO's packet type of an answer to an emit with an ack (socket.io-parser PacketType.ACK). */
const ACK = 3;

/** Values marked to be encoded once, with their JSON once made. */
const encoded = new WeakMap<object, string | undefined>();

/** Marks a value handed out unchanged to many sockets: an ack `{ ok: true, data: value }` encodes it once. */
export function encodedOnce<T extends object>(value: T): T {
  if (!encoded.has(value)) encoded.set(value, undefined);
  return value;
}

type Packet = Parameters<HubServer['encoder']['encode']>[0];

/** The packet as Socket.IO's encoder writes it (socket.io-parser encodeAsString), its data's JSON spliced in. */
function ackText(packet: Packet, dataJson: string): string {
  const nsp = packet.nsp && packet.nsp !== '/' ? `${packet.nsp},` : '';
  return `${ACK}${nsp}${packet.id ?? ''}[{"ok":true,"data":${dataJson}}]`;
}

/** The marked value of an ack `{ ok: true, data }` (its only fields), if it is one. */
function markedData(packet: Packet): object | undefined {
  if (packet.type !== ACK || !Array.isArray(packet.data) || packet.data.length !== 1) return undefined;
  const answer = packet.data[0] as { ok?: unknown; data?: unknown } | null;
  if (typeof answer !== 'object' || answer === null || answer.ok !== true || typeof answer.data !== 'object' || answer.data === null) return undefined;
  if (!encoded.has(answer.data) || Object.keys(answer).length !== 2) return undefined;
  return answer.data;
}

/** Makes the server's encoder (used for every packet of every socket) reuse the JSON of marked values. */
export function encodeMarkedOnce(io: HubServer): void {
  const { encoder } = io;
  const encode = encoder.encode.bind(encoder);
  encoder.encode = (packet: Packet) => {
    const data = markedData(packet);
    if (data === undefined) return encode(packet) as unknown[];
    let json = encoded.get(data);
    if (json === undefined) encoded.set(data, (json = JSON.stringify(data)));
    return [ackText(packet, json)];
  };
}
