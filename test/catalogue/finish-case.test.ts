// 办件编号 and 事项 at 办结: validated by the shared schema (bilingual), journaled on the finish event,
// kept on the ticket (also after a restart, replayed from the journal).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { finishService } from '@yichuang/shared/schemas';
import { Hall } from '../../hub/src/engine/test-fixtures.js';
import { cmdId, startTestHub, type Client, type TestHub } from '../helpers/test-hub.js';

describe('the finish command carries the case number and the item', () => {
  it('journals both on ticket.finished and keeps them on the ticket', () => {
    const hall = new Hall().open(1);
    hall.issue('general');
    hall.callNext('w1');
    hall.run({ type: 'start', windowId: 'w1' });
    const events = hall.run({ type: 'finish', windowId: 'w1', outcome: 'done', caseNumber: 'SL-2026_000123', itemCode: '11440300MB2C001' });
    expect(events[0]).toMatchObject({ type: 'ticket.finished', caseNumber: 'SL-2026_000123', itemCode: '11440300MB2C001' });
    expect(hall.ticket('A001')).toMatchObject({ caseNumber: 'SL-2026_000123', itemCode: '11440300MB2C001' });
  });

  it('attaches them afterwards to the last visit finished at the window by whoever works it', () => {
    const hall = new Hall().open(1, 2);
    hall.issue('general', 2);
    expect(hall.refusal({ type: 'linkCase', windowId: 'w1', caseNumber: 'SL-1' })).toEqual({ code: 'NO_FINISHED_VISIT' });
    for (const n of ['A001', 'A002']) {
      hall.callNext('w1');
      hall.run({ type: 'start', windowId: 'w1' });
      hall.wait(1);
      hall.run({ type: 'finish', windowId: 'w1', outcome: 'done', ...(n === 'A001' && { itemCode: 'X-1' }) });
    }
    expect(hall.run({ type: 'linkCase', windowId: 'w1', caseNumber: 'SL-2', itemCode: 'X-2' })).toEqual([
      { type: 'ticket.caseLinked', at: hall.now, ticketId: '2026-11-23/A002', windowId: 'w1', staffId: 's1', caseNumber: 'SL-2', itemCode: 'X-2' },
    ]);
    expect(hall.ticket('A002')).toMatchObject({ caseNumber: 'SL-2', itemCode: 'X-2' });
    expect(hall.ticket('A001')).toMatchObject({ itemCode: 'X-1' });
    expect(hall.ticket('A001').caseNumber).toBeUndefined();
    // Window 2 finished nothing.
    expect(hall.refusal({ type: 'linkCase', windowId: 'w2', itemCode: 'X-2' })).toEqual({ code: 'NO_FINISHED_VISIT' });
  });

  it('refuses a case number that is not an..50, in Chinese and English', () => {
    const base = { cmdId: 'c1', windowId: 'w01', outcome: 'done' };
    expect(finishService.safeParse({ ...base, caseNumber: 'A'.repeat(50) }).success).toBe(true);
    expect(finishService.safeParse({ ...base, caseNumber: ' 2026-001 ' }).data?.caseNumber).toBe('2026-001');
    for (const bad of ['A'.repeat(51), '受理2026', 'AB 12', 'x/y', '']) {
      const parsed = finishService.safeParse({ ...base, caseNumber: bad });
      expect(parsed.success, bad).toBe(false);
      expect(parsed.error!.issues[0]!.message).toMatch(/办件编号.* \/ the case number/);
    }
  });
});

describe('over a real hub', () => {
  let t: TestHub;
  beforeEach(async () => {
    t = await startTestHub();
  });
  afterEach(async () => {
    await t.close();
  });

  async function serving(): Promise<Client> {
    const kiosk = await t.connect('demo-kiosk-1');
    const window = await t.connect('demo-window-01');
    await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
    expect(await window.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: 'w01', staffNumber: '0101', pin: '123456' })).toMatchObject({ ok: true });
    await window.emitWithAck('window:callNext', { cmdId: cmdId(), windowId: 'w01' });
    await window.emitWithAck('window:start', { cmdId: cmdId(), windowId: 'w01' });
    return window;
  }

  it('journals the case number and the item code of a finish', async () => {
    const window = await serving();
    const bad = await window.emitWithAck('window:finish', { cmdId: cmdId(), windowId: 'w01', outcome: 'done', caseNumber: '受理 1' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    if (!bad.ok) expect(`${bad.error.message} ${bad.error.messageEn}`).toMatch(/办件编号.*the case number/);

    // A 事项 the hall's catalogue does not have is refused, said at its field, and the visit stays open.
    const unknown = await window.emitWithAck('window:finish', { cmdId: cmdId(), windowId: 'w01', outcome: 'done', itemCode: 'NO-SUCH-ITEM' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ITEM', message: '没有这个事项：NO-SUCH-ITEM', fields: [{ path: 'itemCode' }] } });
    const ok = await window.emitWithAck('window:finish', { cmdId: cmdId(), windowId: 'w01', outcome: 'done', caseNumber: 'SL2026-0042', itemCode: 'DEMO-0001' });
    expect(ok).toMatchObject({ ok: true });
    const journal = await readFile(path.join(t.dataDir, 'journal', '2026-11-23.jsonl'), 'utf8');
    const finished = journal.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { event?: { type: string } }).find((r) => r.event?.type === 'ticket.finished');
    expect(finished?.event).toMatchObject({ caseNumber: 'SL2026-0042', itemCode: 'DEMO-0001' });
  });

  it('attaches a case number to the last visit a moment after 办结, and says when there is none', async () => {
    const window = await serving();
    const none = await window.emitWithAck('window:linkCase', { cmdId: cmdId(), windowId: 'w01', caseNumber: 'SL-9' });
    expect(none).toMatchObject({ ok: false, error: { code: 'NO_FINISHED_VISIT', message: expect.stringMatching(/办结/), messageEn: expect.stringMatching(/finished/) } });
    expect(await window.emitWithAck('window:finish', { cmdId: cmdId(), windowId: 'w01', outcome: 'done' })).toMatchObject({ ok: true });
    const empty = await window.emitWithAck('window:linkCase', { cmdId: cmdId(), windowId: 'w01' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const linked = await window.emitWithAck('window:linkCase', { cmdId: cmdId(), windowId: 'w01', caseNumber: 'SL-9', itemCode: 'DEMO-0002' });
    expect(linked).toMatchObject({ ok: true, data: { ticket: { number: 'A001' } } });
    const journal = await readFile(path.join(t.dataDir, 'journal', '2026-11-23.jsonl'), 'utf8');
    expect(journal).toContain('"type":"ticket.caseLinked"');
    expect(journal).toMatch(/"caseNumber":"SL-9","itemCode":"DEMO-0002"/);
  });
});
