// The operation log over real sockets: a case step, a cancel (at the console and at a window), a
// reprint, a handled suggestion and a window notice each appear once, under the person who did it,
// in Chinese with their own kind — and a command sent again with the same id writes nothing more.
import type { AuditEntry } from '@yichuang/shared/admin';
import { describeAudit, type AuditNames } from '@yichuang/shared/live-audit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmdId, startTestHub, tempDir, type Client, type TestHub } from '../helpers/test-hub.js';
import { serveOne } from '../ratings/serve.js';

const MANAGER = '演示管理员 / demo manager';
const names: AuditNames = { categories: [], windows: [], timeZone: 'Asia/Shanghai' };

let t: TestHub;
let kiosk: Client;
let console1: Client;
let window1: Client;

beforeAll(async () => {
  t = await startTestHub();
  kiosk = await t.connect('demo-kiosk-1');
  console1 = await t.connect('demo-console-1');
  window1 = await t.connect('demo-window-01');
});
afterAll(async () => {
  await t.close();
});

async function log(action: string): Promise<AuditEntry[]> {
  const ack = await console1.emitWithAck('audit:list', {});
  if (!ack.ok) throw new Error(ack.error.messageEn);
  return ack.data.filter((e) => e.action === action);
}

/** Sends the command twice with one id (a retry): both answered alike. */
async function twice(client: Client, event: string, payload: object): Promise<unknown> {
  const send = client.emitWithAck.bind(client) as (e: string, p: object) => Promise<{ ok: boolean }>;
  const first = await send(event, payload);
  expect(first.ok).toBe(true);
  expect(await send(event, payload)).toEqual(first);
  return first;
}

/** The entry in words: its kind for the filter, its action, and its changes as one line. */
function inWords(entry: AuditEntry): { kind: string; action: string; target: string; detail: string } {
  const view = describeAudit(entry, names, 'zh');
  return { kind: view.kind, action: view.action, target: view.target, detail: view.changes.map((c) => `${c.field}：${c.before ?? ''}→${c.after ?? ''}`).join('；') };
}

describe('a person’s work in the operation log', () => {
  it('writes each case step once, with the case, its ticket, the verdict or result and the notes', async () => {
    const pad1 = await t.connect('demo-pad-01');
    const { ticket } = await serveOne(kiosk, window1, '01', 'general');
    const rated = await pad1.emitWithAck('pad:rate', { cmdId: cmdId(), windowId: 'w01', ticketId: ticket.id, level: 'dissatisfied', reasons: ['服务态度'] });
    expect(rated.ok).toBe(true);
    const caseId = `20261123-${ticket.number}`;
    const handler = '王芳';
    await twice(console1, 'case:verify', { cmdId: cmdId(), caseId, handler, verdict: 'confirmed', notes: '调阅录像属实' });
    await twice(console1, 'case:rectify', { cmdId: cmdId(), caseId, handler, measures: '批评教育' });
    await twice(console1, 'case:followUp', { cmdId: cmdId(), caseId, handler, result: 'satisfied', notes: '电话回访' });
    await twice(console1, 'case:close', { cmdId: cmdId(), caseId, handler });

    const [verified] = await log('case.verify');
    expect(await log('case.verify')).toHaveLength(1);
    expect(verified).toMatchObject({ actor: { name: MANAGER, deviceId: 'console-1' }, target: caseId });
    expect(inWords(verified!)).toEqual({
      kind: 'case',
      action: '差评工单核实',
      target: caseId,
      detail: `办理进度：待核实→已核实；号码：→${ticket.number}；经办人：→王芳；核实结论：→属实；说明：→调阅录像属实`,
    });
    for (const [action, words] of [['case.rectify', '整改措施：→批评教育'], ['case.followUp', '回访结果：→满意'], ['case.close', '办理进度：已回访→已办结']] as const) {
      const entries = await log(action);
      expect(entries).toHaveLength(1);
      expect(entries[0]!.actor.name).toBe(MANAGER);
      expect(inWords(entries[0]!)).toMatchObject({ kind: 'case', detail: expect.stringContaining(words) });
    }
  });

  it('writes a cancel once, at the console under the manager and at a window under the person signed in there', async () => {
    const issued = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
    if (!issued.ok) throw new Error(issued.error.messageEn);
    const number = issued.data.ticket.number;
    await twice(console1, 'ticket:cancel', { cmdId: cmdId(), number, note: '群众自行离开' });

    const atWindow = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
    if (!atWindow.ok) throw new Error(atWindow.error.messageEn);
    const other = atWindow.data.ticket.number;
    await twice(window1, 'ticket:cancel', { cmdId: cmdId(), number: other });

    // Sent again before the first answer came back: still one entry.
    const third = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
    if (!third.ok) throw new Error(third.error.messageEn);
    const again = { cmdId: cmdId(), number: third.data.ticket.number };
    const both = await Promise.all([console1.emitWithAck('ticket:cancel', again), console1.emitWithAck('ticket:cancel', again)]);
    expect(both.map((a) => a.ok)).toEqual([true, true]);

    const cancels = await log('ticket.cancel');
    expect(cancels).toHaveLength(3);
    expect(cancels.filter((e) => e.target === third.data.ticket.number)).toHaveLength(1);
    const byManager = cancels.find((e) => e.target === number)!;
    expect(byManager.actor.name).toBe(MANAGER);
    expect(inWords(byManager)).toEqual({ kind: 'ticket', action: '取消号票', target: number, detail: `号码：→${number}；备注：→群众自行离开` });
    const byStaff = cancels.find((e) => e.target === other)!;
    expect(byStaff.actor).toMatchObject({ deviceId: 'window-01', staffId: 's0101' });
    expect(byStaff.actor.name).not.toBe(MANAGER);
    expect(byStaff.actor.name).not.toMatch(/窗口|window/i);
  });

  it('writes a reprint once, with the ticket and the printer', async () => {
    const printer = { id: 'p-east', name: '大厅东侧打印机', kioskId: 'kiosk-1', connection: { kind: 'tcp' as const, host: '127.0.0.1', port: 9 }, enabled: true, statusQueries: false };
    expect((await console1.emitWithAck('printer:save', { cmdId: cmdId(), printer })).ok).toBe(true);
    const issued = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
    if (!issued.ok) throw new Error(issued.error.messageEn);
    const number = issued.data.ticket.number;
    await twice(console1, 'ticket:reprint', { cmdId: cmdId(), number, printerId: 'p-east' });
    // At window 1 (whose staff member signed in before): under that person, not the window.
    expect(await window1.emitWithAck('ticket:reprint', { cmdId: cmdId(), number, printerId: 'p-east' })).toMatchObject({ ok: true });
    const reprints = await log('ticket.reprint');
    expect(reprints).toHaveLength(2);
    expect(reprints.find((e) => e.actor.deviceId === 'window-01')!.actor).toMatchObject({ staffId: 's0101', name: expect.not.stringMatching(/窗口|window/i) });
    reprints.reverse(); // oldest first
    expect(reprints[0]!.actor.name).toBe(MANAGER);
    expect(inWords(reprints[0]!)).toMatchObject({ kind: 'ticket', action: '补打号票', target: number, detail: `号码：→${number}；打印机：→大厅东侧打印机；已打出：→否` });
  });

  it('writes a handled suggestion once: which one, and the note', async () => {
    const left = await kiosk.emitWithAck('kiosk:suggest', { cmdId: cmdId(), kind: 'complaint', topics: ['waiting'], text: '等太久', phone: '13812345678' });
    if (!left.ok) throw new Error(left.error.messageEn);
    await twice(console1, 'kiosk:handleSuggestion', { cmdId: cmdId(), id: left.data.id, handler: '王主任', note: '已增开窗口' });
    const handled = await log('suggestion.handle');
    expect(handled).toHaveLength(1);
    expect(handled[0]!.actor.name).toBe(MANAGER);
    expect(JSON.stringify(handled[0])).not.toMatch(/5678/);
    expect(inWords(handled[0]!)).toEqual({
      kind: 'suggestion',
      action: '办结意见',
      target: '投诉（2026-11-23 10:00 提交）',
      detail: '类型：→投诉；涉及方面：→等候时间；意见内容：→等太久；提交时间：→2026-11-23 10:00；经办人：→王主任；处理说明：→已增开窗口',
    });
  });

  it('names a window notice posted and withdrawn in words, under its own kind', async () => {
    const posted = await console1.emitWithAck('notice:post', { cmdId: cmdId(), windowId: null, text: '系统升级，暂停办理', endsAt: t.clock.now() + 3_600_000 });
    if (!posted.ok) throw new Error(posted.error.messageEn);
    expect((await console1.emitWithAck('notice:withdraw', { cmdId: cmdId(), noticeId: posted.data.id })).ok).toBe(true);
    const [post] = await log('notice.post');
    expect(inWords(post!)).toMatchObject({ kind: 'notice', action: '发布窗口通知', target: '全部窗口', detail: expect.stringContaining('内容：→系统升级，暂停办理') });
    const [withdraw] = await log('notice.withdraw');
    expect(inWords(withdraw!)).toMatchObject({ kind: 'notice', action: '撤回窗口通知', detail: `撤回时间：→2026-11-23 10:00；撤回人：→${MANAGER}` });
  });
});

describe('a command resent after the hub restarted', () => {
  it('is answered from the journal and not written to the log again', async () => {
    const dataDir = await tempDir();
    let hub = await startTestHub({ dataDir });
    try {
      const issued = await (await hub.connect('demo-kiosk-1')).emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' });
      if (!issued.ok) throw new Error(issued.error.messageEn);
      const cancel = { cmdId: cmdId(), number: issued.data.ticket.number, note: '重复取号' };
      const first = await (await hub.connect('demo-console-1')).emitWithAck('ticket:cancel', cancel);
      expect(first.ok).toBe(true);
      await hub.close();
      hub = await startTestHub({ dataDir });
      const manager = await hub.connect('demo-console-1');
      expect(await manager.emitWithAck('ticket:cancel', cancel)).toMatchObject({ ok: true });
      const entries = await manager.emitWithAck('audit:list', {});
      expect(entries.ok && entries.data.filter((e) => e.action === 'ticket.cancel')).toHaveLength(1);
    } finally {
      await hub.close();
    }
  });
});
