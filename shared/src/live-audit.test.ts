import { describe, expect, it } from 'vitest';
import type { AuditEntry } from './admin.js';
import { auditKind, describeAudit, type AuditNames } from './live-audit.js';

const names: AuditNames = {
  categories: [
    { id: 'general', prefix: 'A', name: '综合受理', nameEn: 'General' },
    { id: 'tax', prefix: 'F', name: '税务', nameEn: 'Tax' },
  ],
  windows: [{ id: 'w15', number: 15, name: '潮汐窗口', nameEn: 'Tidal window' }],
  timeZone: 'Asia/Shanghai',
};
/** 2026-11-23 10:00 and 17:30 in Beijing. */
const TEN = Date.UTC(2026, 10, 23, 2, 0);
const HALF_FIVE = Date.UTC(2026, 10, 23, 9, 30);
const entry = (e: Omit<AuditEntry, 'at' | 'actor'>): AuditEntry => ({ at: 0, actor: { name: '林雪梅' }, ...e });

describe('the operation log in words', () => {
  it('says a tidal switch with the window and the queues by name, before → after', () => {
    const e = entry({ action: 'tidal.assign', target: 'w15', before: { categories: ['general', 'tax'] }, after: { categories: ['tax'] } });
    expect(describeAudit(e, names, 'zh')).toEqual({
      kind: 'tidal',
      action: '潮汐窗口切换',
      target: '15 号窗口 · 潮汐窗口',
      changes: [{ field: '办理业务', before: 'A 综合受理、F 税务', after: 'F 税务' }],
    });
    expect(describeAudit(e, names, 'en')).toMatchObject({ action: 'Tidal window switched', target: 'Window 15 · Tidal window', changes: [{ field: 'Serves', before: 'A General, F Tax' }] });
  });

  it('lists only the thresholds that changed, under the form’s labels', () => {
    const thresholds = { waitAlertMin: 30, pausedAlertMin: 20, tidalWaitMin: 40, offlineAlertSec: 60 };
    const voice = { template: '请 {number} 号 到 {window} 号窗口 办理', repeat: 2 };
    const e = entry({ action: 'live.settings', target: 'boards', before: { notice: '', voice, thresholds }, after: { notice: '', voice, thresholds: { ...thresholds, waitAlertMin: 25 } } });
    expect(describeAudit(e, names, 'zh')).toMatchObject({ kind: 'board', action: '修改叫号屏设置与提醒阈值', changes: [{ field: '等候超过（分钟）', before: '30', after: '25' }] });
  });

  it('reads a printer’s connection and switches, never a hash, and a removal as what was there', () => {
    const before = { id: 'p1', name: '1号取号机打印机', kioskId: 'kiosk-1', connection: { kind: 'tcp', host: '10.0.0.9', port: 9100 }, enabled: true, statusQueries: true };
    const saved = describeAudit(entry({ action: 'printer.save', target: 'p1', before, after: { ...before, enabled: false, connection: { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 9600 } } }), names, 'zh');
    expect(saved.changes).toEqual([
      { field: '连接 · 类型', before: '网络', after: '串口' },
      { field: '连接 · 地址', before: '10.0.0.9' },
      { field: '连接 · 端口', before: '9100' },
      { field: '启用', before: '是', after: '否' },
      { field: '连接 · 串口设备', after: '/dev/ttyUSB0' },
      { field: '连接 · 波特率', after: '9600' },
    ]);
    expect(saved.target).toBe('1号取号机打印机');
    const removed = describeAudit(entry({ action: 'printer.remove', target: 'p1', before }), names, 'zh');
    expect(removed.changes).toContainEqual({ field: '名称', before: '1号取号机打印机' });
    const staff = describeAudit(entry({ action: 'staff.save', target: 's1', before: { number: '0101', pinHash: 'x', roles: ['staff'] }, after: { number: '0102', pinHash: 'y', roles: ['staff', 'manager'] } }), names, 'zh');
    expect(staff.changes).toEqual([
      { field: '工号', before: '0101', after: '0102' },
      { field: '角色', before: '窗口人员', after: '窗口人员、大厅管理员' },
    ]);
  });

  it('names the alerts acknowledged, and keeps an unknown action’s code', () => {
    const acknowledged = entry({
      action: 'alert.acknowledgeAll',
      target: '2',
      after: { messages: ['税务有人等候，但没有开放的窗口办理', '自 10:00 起没有在线的叫号屏'], messagesEn: ['Tax: people are waiting and no open window serves it', 'No board online since 10:00'] },
    });
    const all = describeAudit(acknowledged, names, 'zh');
    expect(all).toMatchObject({ kind: 'alert', action: '全部确认提醒', target: '2 条提醒', changes: [{ field: '提醒内容', after: '税务有人等候，但没有开放的窗口办理；自 10:00 起没有在线的叫号屏' }] });
    expect(describeAudit(acknowledged, names, 'en').changes).toEqual([{ field: 'Alert', after: 'Tax: people are waiting and no open window serves it; No board online since 10:00' }]);
    expect(describeAudit(entry({ action: 'mystery.thing', target: 'x' }), names, 'zh')).toEqual({ kind: 'other', action: 'mystery.thing', target: 'x', changes: [] });
    expect(auditKind('category.save')).toBe('config');
  });

  it('says a case step: the case, its ticket, the stage before → after, the verdict and the notes, under the case form’s labels', () => {
    const e = entry({
      action: 'case.verify',
      target: '20261123-A012',
      before: { reached: 'opened' },
      after: { number: 'A012', reached: 'verify', handler: '王芳', verdict: 'confirmed', notes: '态度生硬属实' },
    });
    expect(describeAudit(e, names, 'zh')).toEqual({
      kind: 'case',
      action: '差评工单核实',
      target: '20261123-A012',
      changes: [
        { field: '办理进度', before: '待核实', after: '已核实' },
        { field: '号码', after: 'A012' },
        { field: '经办人', after: '王芳' },
        { field: '核实结论', after: '属实' },
        { field: '说明', after: '态度生硬属实' },
      ],
    });
    expect(describeAudit(e, names, 'en')).toMatchObject({ action: 'Case verified', changes: [{ field: 'Stage', before: 'Awaiting verification', after: 'Verified' }, {}, {}, { field: 'Verdict', after: 'Confirmed' }, {}] });
    const followUp = describeAudit(entry({ action: 'case.followUp', target: 'c', before: { reached: 'rectify' }, after: { reached: 'followUp', result: 'unreachable', notes: '三次未接' } }), names, 'zh');
    expect(followUp.changes).toContainEqual({ field: '回访结果', after: '无法联系' });
    expect(describeAudit(entry({ action: 'case.rectify', target: 'c' }), names, 'zh').action).toBe('差评工单整改');
    expect(describeAudit(entry({ action: 'case.close', target: 'c' }), names, 'zh').action).toBe('差评工单办结');
  });

  it('says a cancel and a reprint by the ticket’s number, with the note or the printer', () => {
    const cancel = describeAudit(entry({ action: 'ticket.cancel', target: 'A012', after: { number: 'A012', note: '群众自行离开' } }), names, 'zh');
    expect(cancel).toEqual({ kind: 'ticket', action: '取消号票', target: 'A012', changes: [{ field: '号码', after: 'A012' }, { field: '备注', after: '群众自行离开' }] });
    const reprint = describeAudit(entry({ action: 'ticket.reprint', target: 'A012', after: { number: 'A012', printer: '1号取号机打印机', printed: true } }), names, 'en');
    expect(reprint).toMatchObject({ kind: 'ticket', action: 'Slip reprinted', changes: [{ field: 'Ticket number' }, { field: 'Printer', after: '1号取号机打印机' }, { field: 'Printed', after: 'yes' }] });
  });

  it('says which suggestion was handled (its type, topics and words, when it was left) and the note', () => {
    const e = entry({
      action: 'suggestion.handle',
      target: 's-1',
      after: { kind: 'complaint', topics: ['waiting', 'staff'], text: '等太久', submittedAt: TEN, handler: '林雪梅', note: '已电话回复' },
    });
    expect(describeAudit(e, names, 'zh')).toEqual({
      kind: 'suggestion',
      action: '办结意见',
      target: '投诉（2026-11-23 10:00 提交）',
      changes: [
        { field: '类型', after: '投诉' },
        { field: '涉及方面', after: '等候时间、工作人员服务' },
        { field: '意见内容', after: '等太久' },
        { field: '提交时间', after: '2026-11-23 10:00' },
        { field: '经办人', after: '林雪梅' },
        { field: '处理说明', after: '已电话回复' },
      ],
    });
  });

  it('names a notice posted or withdrawn in words: where it shows, its text, who and when', () => {
    const by = { deviceId: 'demo-console-1', staffId: 's0001', name: '林雪梅' };
    const notice = { id: 'n1', windowId: null, text: '系统升级，暂停办理', postedAt: TEN, postedBy: by, endsAt: HALF_FIVE };
    const posted = describeAudit(entry({ action: 'notice.post', target: 'n1', after: notice }), names, 'zh');
    expect(posted).toEqual({
      kind: 'notice',
      action: '发布窗口通知',
      target: '全部窗口',
      changes: [
        { field: '显示在', after: '全部窗口' },
        { field: '内容', after: '系统升级，暂停办理' },
        { field: '发布时间', after: '2026-11-23 10:00' },
        { field: '发布人', after: '林雪梅' },
        { field: '结束时间', after: '2026-11-23 17:30' },
      ],
    });
    const one = { ...notice, windowId: 'w15' };
    const withdrawn = describeAudit(entry({ action: 'notice.withdraw', target: 'n1', before: one, after: { ...one, withdrawnAt: HALF_FIVE - 60_000, withdrawnBy: by } }), names, 'en');
    expect(withdrawn).toEqual({
      kind: 'notice',
      action: 'Notice withdrawn',
      target: 'Window 15 · Tidal window',
      changes: [
        { field: 'Withdrawn', after: '2026-11-23 17:29' },
        { field: 'Withdrawn by', after: '林雪梅' },
      ],
    });
  });
});
