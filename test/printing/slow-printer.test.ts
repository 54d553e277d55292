// A printer that does not finish: the kiosk still answers within its few seconds (e-ticket), a
// retried issue prints no second slip, and a slip that could not start in time is never printed
// (the citizen already left with the e-ticket). The printer here is a print agent the test answers for.
import type { AgentJob, AgentJobResult } from '@yichuang/shared/printing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cmdId, type Client, type TestHub } from '../helpers/test-hub.js';
import { printer, printerIs, printRecords, startPrintingHub } from './helpers/printing-hub.js';

let t: TestHub;
let agent: Client;
const jobs: { job: AgentJob; answer: (r: AgentJobResult) => void }[] = [];

beforeEach(async () => {
  jobs.length = 0;
  t = await startPrintingHub([printer('p-agent-1', 'kiosk-1', { kind: 'agent' })]);
  agent = await t.connect('demo-agent-kiosk-1');
  agent.on('agent:print', (job, answer) => jobs.push({ job, answer }));
  expect(await agent.emitWithAck('agent:state', { status: 'ready', port: '/dev/ttyUSB0 @ 115200', baudRate: 115_200 })).toMatchObject({ ok: true, data: { printerId: 'p-agent-1' } });
});
afterEach(() => t.close());

describe('a slow printer', () => {
  it('costs the kiosk an e-ticket after a few seconds, never a second slip or a stale one', async () => {
    const console_ = await t.connect('demo-console-1');
    await printerIs(console_, 'p-agent-1', 'ready');
    const kiosk = await t.connect('demo-kiosk-1');

    const id = cmdId();
    const first = await kiosk.emitWithAck('ticket:issue', { cmdId: id, categoryId: 'general' });
    expect(first).toMatchObject({ ok: true, data: { ticket: { number: 'A001' }, print: { status: 'unprinted', reason: { code: 'PRINTER_TIMEOUT' } } } });
    expect(jobs.map((j) => j.job.ticketNumber)).toEqual(['A001']); // still at the printer

    // The kiosk retries: same answer, no second slip.
    expect(await kiosk.emitWithAck('ticket:issue', { cmdId: id, categoryId: 'general' })).toEqual(first);
    const second = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
    expect(second).toMatchObject({ ok: true, data: { ticket: { number: 'A002' }, print: { status: 'unprinted', reason: { code: 'PRINTER_TIMEOUT' } } } });

    // The printer finally finishes A001; A002 waited past its time and is dropped, not printed.
    // Consoles get tickets' changes gathered (hub/src/realtime/publisher.ts).
    const bothRecorded = new Promise((resolve) => console_.on('hall:gathered', (g) => g.broadcasts.some((b) => b.name === 'ticket:printed' && b.event.ticket?.number === 'A002') && resolve(g)));
    jobs[0]!.answer({ ok: true, status: 'ready' });
    await bothRecorded;
    expect(jobs.map((j) => j.job.ticketNumber)).toEqual(['A001']);
    expect(await printRecords(t, 'A001')).toEqual([expect.objectContaining({ ok: true })]);
    expect(await printRecords(t, 'A002')).toEqual([expect.objectContaining({ ok: false, reason: 'timeout' })]);
    const unprinted = await console_.emitWithAck('printer:unprinted', {});
    expect(unprinted.ok && unprinted.data.map((u) => u.ticket.number)).toEqual(['A002']);
  });
});
