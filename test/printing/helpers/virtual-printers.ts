// The project's virtual printer wired up as a real one: at the far end of a PTY, or as a TCP printer.
import { createServer, type Socket } from 'node:net';
import { SerialPort } from 'serialport';
import { VirtualPrinter } from '../../../hub/src/printing/virtual-printer.js';

export interface WiredPrinter {
  vp: VirtualPrinter;
  close(): Promise<void>;
}

export async function printerOnPty(path: string): Promise<WiredPrinter> {
  const vp = new VirtualPrinter();
  const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
  vp.attach(port);
  return {
    vp,
    close: () => new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())),
  };
}

export async function printerOnTcp(): Promise<WiredPrinter & { port: number }> {
  const vp = new VirtualPrinter();
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    vp.attach(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no TCP port');
  return {
    vp,
    port: address.port,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
