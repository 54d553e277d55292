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

    const ok = await window.emitWithAck('window:finish', { cmdId: cmdId(), windowId: 'w01', outcome: 'done', caseNumber: 'SL2026-0042', itemCode: 'DEMO-0001' });
    expect(ok).toMatchObject({ ok: true });
    const journal = await readFile(path.join(t.dataDir, 'journal', '2026-11-23.jsonl'), 'utf8');
    const finished = journal.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { event?: { type: string } }).find((r) => r.event?.type === 'ticket.finished');
    expect(finished?.event).toMatchObject({ caseNumber: 'SL2026-0042', itemCode: 'DEMO-0001' });
  });
});
