import { describe, expect, it } from 'vitest';
import type { AuditEntry } from './admin.js';
import { auditKind, describeAudit, type AuditNames } from './live-audit.js';

const names: AuditNames = {
  categories: [
    { id: 'general', prefix: 'A', name: '综合受理', nameEn: 'General' },
    { id: 'tax', prefix: 'F', name: '税务', nameEn: 'Tax' },
  ],
  windows: [{ id: 'w15', number: 15, name: '潮汐窗口', nameEn: 'Tidal window' }],
};
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
});
