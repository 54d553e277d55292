// The baseline: a Socket.IO server with no application code. It keeps the payload it is given and
// re-broadcasts it to every connected socket on 'fanout', as the hub does with a 'ticket:called'.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

const http = createServer();
// The hub's own limits, so both servers parse and frame alike.
const io = new Server(http, { maxHttpBufferSize: 1024 * 1024, serveClient: false });
let payload: unknown = null;

io.on('connection', (socket) => {
  socket.on('payload', (p: unknown, ack: () => void) => {
    payload = p;
    ack();
  });
  socket.on('fanout', () => io.emit('ticket:called', payload));
});

http.listen(0, '127.0.0.1', () => process.send!({ port: (http.address() as AddressInfo).port }));
process.once('disconnect', () => process.exit(0));
