// A hub asked to stop (SIGTERM, a restart, a test) must stop although a browser holds a connection it
// has opened but not finished a request on: Chromium keeps such spare connections, and the close
// used to wait for them for ever.
import net from 'node:net';
import { expect, it } from 'vitest';
import { startTestHub } from './helpers/test-hub.js';

it('stops while a screen holds a half-sent request, and answers no one afterwards', async () => {
  const t = await startTestHub();
  const port = Number(new URL(t.hub.url).port);
  const held = net.connect(port, '127.0.0.1');
  await new Promise((resolve) => held.once('connect', resolve));
  held.write('GET /api/health HTTP/1.1\r\nHost: hall\r\n');
  const ended = new Promise((resolve) => held.once('close', resolve));

  const stopped = await Promise.race([t.close().then(() => 'stopped'), new Promise((resolve) => setTimeout(() => resolve('still waiting'), 10_000))]);
  expect(stopped).toBe('stopped');
  await ended;
  await expect(fetch(`${t.hub.url}/api/health`)).rejects.toThrow();
});
