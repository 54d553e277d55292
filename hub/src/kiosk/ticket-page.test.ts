import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redirectToTicketPage, TICKET_PAGE_PATH } from './ticket-page.js';

let server: ReturnType<express.Express['listen']>;
let base: string;
beforeAll(async () => {
  const app = express();
  app.get(TICKET_PAGE_PATH, redirectToTicketPage);
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

const location = async (path: string) => (await fetch(`${base}${path}`, { redirect: 'manual' })).headers.get('location');

describe('GET /t/:number (the address in a ticket\'s QR code)', () => {
  it('opens the ticket\'s phone page with its number and day', async () => {
    expect(await location('/t/A023?d=2026-11-23')).toBe('/kiosk/ticket.html?n=A023&d=2026-11-23');
    expect(await location('/t/a023')).toBe('/kiosk/ticket.html?n=A023');
    expect(await location('/t/A023/2026-11-23/Zx_3-0aBcD')).toBe('/kiosk/ticket.html?n=A023&d=2026-11-23&s=Zx_3-0aBcD');
  });

  it('passes on nothing it does not understand', async () => {
    expect(await location('/t/A023?d=%22%3E%3Cscript%3E')).toBe('/kiosk/ticket.html?n=A023');
    expect(await location('/t/%3Cscript%3E')).toBe('/kiosk/ticket.html');
    expect(await location('/t/A023/2026-11-23/%3Cscript%3E')).toBe('/kiosk/ticket.html?n=A023&d=2026-11-23');
    expect(await location('/t/A023/x/y/z')).toBe(null);
  });
});
