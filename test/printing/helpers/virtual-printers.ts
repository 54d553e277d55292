// The project's virtual printer wired up as a real one: at the far end of a PTY, or as a TCP printer.
// Its `dropAfter` takes the real link down: the PTY's cable is pulled (socat ends), the TCP
// connection is closed by the printer.
import { createServer, type Socket } from 'node:net';
import { SerialPort } from 'serialport';
import { VirtualPrinter } from '../../../hub/src/printing/virtual-printer.js';
import type { PtyPair } from './socat.js';

export interface WiredPrinter {
  vp: VirtualPrinter;
  close(): Promise<void>;
}

/** The printer on the far end of `pty`; after `pty.replug()`, `reattach()` puts it back on the new cable. */
export async function printerOnPty(pty: PtyPair): Promise<WiredPrinter & { reattach(): Promise<void> }> {
  const vp = new VirtualPrinter();
  let port: SerialPort | undefined;
  const attach = async (): Promise<void> => {
    const opened = new SerialPort({ path: pty.printer, baudRate: 9600, autoOpen: false });
    await new Promise<void>((resolve, reject) => opened.open((err) => (err ? reject(err) : resolve())));
    // The cable pulled under it: the port fails and closes, and that is all.
    opened.on('error', () => undefined);
    port = opened;
    vp.attach(opened, () => void pty.unplug());
  };
  await attach();
  return {
    vp,
    reattach: attach,
    close: async () => {
      vp.stop();
      const open = port;
      if (open?.isOpen) await new Promise<void>((resolve) => open.close(() => resolve()));
    },
  };
}

export async function printerOnTcp(): Promise<WiredPrinter & { port: number }> {
  const vp = new VirtualPrinter();
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    vp.attach(socket, () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no TCP port');
  return {
    vp,
    port: address.port,
    async close() {
      vp.stop();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
