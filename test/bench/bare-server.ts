// The baseline: a Socket.IO server with no application code. It keeps the payloads it is given and
// re-broadcasts them as the hub would: on 'call' and 'free' (a window's id), the hub's broadcasts of a
// call and of the no-show that frees the window, each stream's to its room; and on
// 'issue', the hub's broadcasts of an issued ticket — the ticket to the staff stream's sockets and the
// queue change to boards and kiosks, both gathered (a moment after the first, then at most once a
// second, as hub/src/realtime/publisher.ts does) — so the hub's CPU per ticket has a bare cost to be
// held against.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { BARE_ROOMS, type BareCall, type BareChanges, type PerStream } from './load/protocol.js';

const http = createServer();
// The hub's own limits, so both servers parse and frame alike.
const io = new Server(http, { maxHttpBufferSize: 1024 * 1024, serveClient: false });
let call: BareCall | undefined;
let changes: BareChanges | undefined;

function toStreams(event: string, payloads: PerStream, windowId: string): void {
  io.to(BARE_ROOMS.staff).emit(event, payloads.staff);
  io.to(BARE_ROOMS.public).emit(event, payloads.public);
  io.to(BARE_ROOMS.window(windowId)).emit(event, payloads.window);
}

/** The publisher's gathering (GATHER_MS, GATHERED_EVERY_MS): tickets issued since the last message. */
let gathered = 0;
let gathering: ReturnType<typeof setTimeout> | undefined;
let cooling: ReturnType<typeof setTimeout> | undefined;
function sendGathered(): void {
  gathering = undefined;
  if (gathered === 0) return;
  io.to(BARE_ROOMS.staff).emit('hall:gathered', { broadcasts: Array.from({ length: gathered }, () => changes!.ticket) });
  io.to(BARE_ROOMS.public).emit('queues:changed', changes!.queues);
  gathered = 0;
  cooling = setTimeout(() => {
    cooling = undefined;
    sendGathered();
  }, 1000);
}

io.on('connection', (socket) => {
  socket.on('callPayloads', (c: BareCall, ack: () => void) => {
    call = c;
    ack();
  });
  socket.on('call', (windowId: string) => call && toStreams('ticket:called', call.called, windowId));
  socket.on('free', (windowId: string) => call && toStreams('ticket:noShow', call.noShow, windowId));
  socket.on('join', (room: string, ack: () => void) => {
    void socket.join(room);
    ack();
  });
  socket.on('issue', (_: unknown, ack: (p: unknown) => void) => {
    if (!changes) return ack({ ok: false });
    gathered++;
    if (!cooling) gathering ??= setTimeout(sendGathered, 250);
    ack({ ok: true, data: changes.ticket });
  });
});

process.on('message', (m: { changes?: BareChanges }) => {
  if (!m.changes) return;
  changes = m.changes;
  process.send!({ changesSet: true });
});
http.listen(0, '127.0.0.1', () => process.send!({ port: (http.address() as AddressInfo).port }));
process.once('disconnect', () => process.exit(0));
