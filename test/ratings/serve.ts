// Serving a visit to its end over real sockets, and reading the journal, for the ratings tests.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { TicketIssued } from '@yichuang/shared/events';
import type { Rating } from '@yichuang/shared/ratings';
import { expect } from 'vitest';
import { cmdId, type Client } from '../helpers/test-hub.js';

/** Signs in at window NN, issues a ticket of `categoryId` at the kiosk and serves it to the end. */
export async function serveOne(kiosk: Client, window: Client, nn: string, categoryId: string): Promise<TicketIssued> {
  const windowId = `w${nn}`;
  await window.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId, staffNumber: `${nn}01`, pin: '123456' });
  const issued = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId });
  if (!issued.ok) throw new Error(issued.error.messageEn);
  const called = await window.emitWithAck('window:callNumber', { cmdId: cmdId(), windowId, number: issued.data.ticket.number });
  expect(called.ok).toBe(true);
  expect((await window.emitWithAck('window:start', { cmdId: cmdId(), windowId })).ok).toBe(true);
  expect((await window.emitWithAck('window:finish', { cmdId: cmdId(), windowId, outcome: 'done' })).ok).toBe(true);
  return issued.data;
}

export async function journalLines(dataDir: string): Promise<string[]> {
  const dir = path.join(dataDir, 'journal');
  const lines: string[] = [];
  for (const f of await readdir(dir)) lines.push(...(await readFile(path.join(dir, f), 'utf8')).split('\n').filter(Boolean));
  return lines;
}

/** Today's rating of the visit numbered `number`, as the console's REST read shows it. */
export async function ratingOf(hubUrl: string, number: string): Promise<Rating | undefined> {
  const res = await fetch(`${hubUrl}/api/ratings/today`, { headers: { authorization: 'Bearer demo-console-1' } });
  return ((await res.json()) as { data: Rating[] }).data.find((r) => r.ticketNumber === number);
}
