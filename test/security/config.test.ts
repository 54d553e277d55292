// Configuration from the console over real sockets: changes apply at once (screens are told to fetch
// a fresh snapshot), are checked against the rest of the configuration and today's queue with
// bilingual refusals, are retried safely by cmdId, and are written to the audit log with who, what
// and when. Console roles are an admin's to give; the last admin who can sign in stays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Category, ServiceWindow } from '@yichuang/shared/domain';
import { cmdId, connectClient, next, startTestHub, type Client, type TestHub } from '../helpers/test-hub.js';
import { connectWithCookie, raw, signIn } from './helpers.js';

let t: TestHub;
let manager: Client;
beforeAll(async () => {
  t = await startTestHub();
  manager = await t.connect('demo-console-1');
});
afterAll(async () => {
  await t?.close();
});

const passport: Category = { id: 'passport', prefix: 'P', name: '出入境', nameEn: 'Exit & entry', department: '区公安分局', allowWalkIn: true, allowAppointment: false, allowPriority: true, dailyCap: 80 };
const window18: ServiceWindow = { id: 'w18', number: 18, name: '出入境窗口', nameEn: 'Exit & entry', kind: 'department', department: '区公安分局', categories: [{ categoryId: 'passport', weight: 10 }], zone: 'hall' };

describe('hall configuration', () => {
  it('adds a category and a window that take and call tickets at once, telling every screen', async () => {
    const kiosk = await t.connect('demo-kiosk-1');
    const told = next(kiosk, 'config:changed');
    const added = await manager.emitWithAck('admin:saveCategory', { cmdId: cmdId(), category: passport, isNew: true });
    expect(added.ok && added.data.categories.at(-1)).toEqual(passport);
    expect((await told).sections).toEqual(['categories']);
    expect((await manager.emitWithAck('admin:saveWindow', { cmdId: cmdId(), window: window18, isNew: true })).ok).toBe(true);

    const snapshot = await kiosk.emitWithAck('sync:snapshot', {});
    expect(snapshot.ok && snapshot.data.categories.map((c) => c.id)).toContain('passport');
    const issued = await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'passport' });
    expect(issued.ok && issued.data.ticket.number).toBe('P001');

    // The console pairs a caller to the new window; staff of any window sign in there.
    const code = ((await (await fetch(`${t.hub.url}/api/pairing`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"screen":"window"}' })).json()) as { data: { code: string; claim: string } }).data;
    expect((await manager.emitWithAck('device:approve', { cmdId: cmdId(), code: code.code, device: { name: '18号窗口叫号终端', role: 'window', windowId: 'w18' } })).ok).toBe(true);
    const token = ((await (await fetch(`${t.hub.url}/api/pairing/${code.claim}`)).json()) as { data: { token: string } }).data.token;
    const caller = await connectClient(t.hub.url, token);
    expect((await caller.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: 'w18', staffNumber: '1301', pin: '123456' })).ok).toBe(true);
    const called = await caller.emitWithAck('window:callNext', { cmdId: cmdId(), windowId: 'w18' });
    expect(called.ok && called.data.ticket?.number).toBe('P001');
    caller.disconnect();
  });

  it('refuses what does not fit, saying why in Chinese and English, and changes nothing', async () => {
    const cases: [string, unknown, string][] = [
      ['admin:saveCategory', { category: { ...passport, id: 'visa', prefix: 'P' }, isNew: true }, 'DUPLICATE_PREFIX'],
      ['admin:saveCategory', { category: { ...passport, prefix: 'O' }, isNew: false }, 'BAD_REQUEST'],
      ['admin:saveCategory', { category: { ...passport, prefix: 'Q' }, isNew: false }, 'PREFIX_IN_USE_TODAY'],
      ['admin:saveCategory', { category: { ...passport, id: 'ghost' }, isNew: false }, 'UNKNOWN_CATEGORY'],
      ['admin:removeCategory', { categoryId: 'passport' }, 'CATEGORY_IN_USE'],
      ['admin:saveWindow', { window: { ...window18, id: 'w19' }, isNew: true }, 'DUPLICATE_WINDOW_NUMBER'],
      ['admin:saveWindow', { window: { ...window18, categories: [{ categoryId: 'ghost', weight: 1 }] }, isNew: false }, 'UNKNOWN_CATEGORY'],
      ['admin:removeWindow', { windowId: 'w18' }, 'WINDOW_IN_USE'],
      ['admin:saveHall', { hall: { name: '', nameEn: '', address: '', schedule: { hours: [[], [], [], [], [], [], []], holidays: [], makeupWorkdays: [] }, zones: [] } }, 'BAD_REQUEST'],
      ['admin:saveEvaluation', { evaluation: { badReasons: [], padTimeoutSeconds: 5, caseDeadlines: { verifyDays: 1, rectifyDays: 1, followUpDays: 1 } } }, 'BAD_REQUEST'],
    ];
    const before = await manager.emitWithAck('admin:config', {});
    for (const [command, payload, code] of cases) {
      const ack = await raw(manager, command, { cmdId: cmdId(), ...(payload as object) });
      expect(ack.error?.code, command).toBe(code);
      expect(ack.error?.message).toMatch(/[\u4e00-\u9fff]/);
      expect(ack.error?.messageEn).toMatch(/[a-z]/);
    }
    const weekday = await raw(manager, 'admin:saveHall', {
      cmdId: cmdId(),
      hall: { name: '大厅', nameEn: '', address: '', schedule: { hours: [[], [{ start: '12:00', end: '09:00' }], [], [], [], [], []], holidays: [], makeupWorkdays: [] }, zones: [{ id: 'hall', name: '大厅', nameEn: '' }] },
    });
    expect(weekday.error).toMatchObject({
      message: expect.stringContaining('结束时间须晚于开始时间'),
      messageEn: expect.stringContaining('the end time must come after the start time'),
      // Beside the field: Monday's first period's end time, as the form names its inputs.
      fields: [{ path: 'hall.schedule.hours.1.0.end', message: '结束时间须晚于开始时间', messageEn: 'the end time must come after the start time' }],
    });
    expect(await manager.emitWithAck('admin:config', {})).toEqual(before);
  });

  it('answers a retried change with its first answer instead of doing it twice', async () => {
    const id = cmdId();
    const reason = { badReasons: ['服务态度', '等候太久'], padTimeoutSeconds: 45, caseDeadlines: { verifyDays: 2, rectifyDays: 5, followUpDays: 10 }, platform: { profile: 'national' as const, regionCode: '330106', channelCodes: { pad: '1', kiosk: '2', phone: '3' }, endpoint: '' } };
    const first = await manager.emitWithAck('admin:saveEvaluation', { cmdId: id, evaluation: reason });
    const again = await manager.emitWithAck('admin:saveEvaluation', { cmdId: id, evaluation: reason });
    expect(again).toEqual(first);
    const audit = await manager.emitWithAck('audit:list', {});
    expect(audit.ok && audit.data.filter((e) => e.action === 'evaluation.save')).toHaveLength(1);
  });

  it('audits every change with who, what (before and after) and when', async () => {
    const audit = await manager.emitWithAck('audit:list', {});
    const added = audit.ok ? audit.data.find((e) => e.action === 'category.add') : undefined;
    expect(added).toMatchObject({ target: 'passport', actor: { deviceId: 'console-1', name: expect.stringContaining('演示管理员') }, after: passport, at: expect.any(Number) });
    expect(added?.before).toBeUndefined();
  });
});

describe('staff accounts', () => {
  it('adds staff with a PIN they sign in with; hashes never leave the hub', async () => {
    const saved = await manager.emitWithAck('admin:saveStaff', {
      cmdId: cmdId(),
      staff: { id: 's1801', number: '1801', name: '钱多多', department: '区公安分局', title: '科员', roles: ['staff'] },
      isNew: true,
      pin: '246810',
    });
    expect(saved.ok && saved.data.staff.find((s) => s.id === 's1801')).toMatchObject({ name: '钱多多', hasPassword: false });
    expect(JSON.stringify(saved)).not.toMatch(/argon2|scrypt|pinHash|passwordHash/);
    const window17 = await t.connect('demo-window-17');
    expect((await window17.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: 'w17', staffNumber: '1801', pin: '246810' })).ok).toBe(true);
    expect((await raw(manager, 'admin:removeStaff', { cmdId: cmdId(), staffId: 's1801' })).error?.code).toBe('STAFF_SIGNED_IN');
    window17.disconnect();
  });

  it('lets only an admin give console roles or set someone else’s password', async () => {
    const grant = { cmdId: cmdId(), staff: { id: 's0101', number: '0101', name: '王晓燕', department: '区政务服务中心', title: '综合受理员', badge: 'party', roles: ['staff', 'manager'] } };
    expect((await raw(manager, 'admin:saveStaff', grant)).error).toMatchObject({ code: 'ROLE_FORBIDDEN', message: expect.stringContaining('大厅管理员') });
    expect((await raw(manager, 'admin:setPassword', { cmdId: cmdId(), staffId: 's0002', password: 'another-pass-99' })).error?.code).toBe('ROLE_FORBIDDEN');

    const session = await signIn(t.hub.url, 'demo-console-1', '0002');
    const admin = await connectWithCookie(t.hub.url, 'demo-console-1', session.cookie);
    expect((await raw(admin, 'admin:saveStaff', { ...grant, cmdId: cmdId() })).ok).toBe(true);
    expect((await raw(admin, 'admin:setPassword', { cmdId: cmdId(), staffId: 's0101', password: 'short' })).error?.code).toBe('BAD_REQUEST');
    expect((await raw(admin, 'admin:setPassword', { cmdId: cmdId(), staffId: 's0101', password: 'new-manager-2026' })).ok).toBe(true);
    expect((await signIn(t.hub.url, 'demo-console-1', '0101', 'new-manager-2026')).body).toMatchObject({ ok: true, data: { roles: ['manager'] } });

    // The only admin cannot take away their own admin role.
    const demote = { cmdId: cmdId(), staff: { id: 's0002', number: '0002', name: '高鹏', department: '区政务服务中心', title: '信息化管理员', roles: ['manager'] } };
    expect((await raw(admin, 'admin:saveStaff', demote)).error?.code).toBe('LAST_ADMIN');
    admin.disconnect();
  });

  it('lets only an admin change an admin’s account: a manager could otherwise reset its PIN or password and sign in as the admin', async () => {
    const [asManager, asAdmin] = await Promise.all(['0001', '0002'].map((number) => signIn(t.hub.url, 'demo-console-1', number)));
    const manager1 = await connectWithCookie(t.hub.url, 'demo-console-1', asManager!.cookie);
    const admin = await connectWithCookie(t.hub.url, 'demo-console-1', asAdmin!.cookie);
    const theAdmin = { id: 's0002', number: '0002', name: '高鹏', department: '区政务服务中心', title: '信息化管理员', roles: ['admin'] };
    const changes: [string, object][] = [
      ['admin:saveStaff', { staff: { ...theAdmin, number: '9002' } }],
      ['admin:saveStaff', { staff: { ...theAdmin, title: '科员' } }],
      ['admin:resetPin', { staffId: 's0002', pin: '135790' }],
      ['admin:setPassword', { staffId: 's0002', password: 'taken-over-2026' }],
      ['admin:removeStaff', { staffId: 's0002' }],
      // Nor may a manager make anyone an admin.
      ['admin:saveStaff', { staff: { id: 's0401', number: '0401', name: '刘志强', department: '区人力资源和社会保障局', title: '窗口负责人', roles: ['staff', 'admin'] } }],
    ];
    const before = await admin.emitWithAck('admin:config', {});
    for (const [command, payload] of changes) {
      expect((await raw(manager1, command, { cmdId: cmdId(), ...payload })).error?.code, `${command} ${JSON.stringify(payload)}`).toBe('ROLE_FORBIDDEN');
    }
    const photo = (cookie: string) =>
      fetch(`${t.hub.url}/api/admin/staff/s0002/photo`, { method: 'POST', headers: { cookie, 'content-type': 'image/png' }, body: new Uint8Array(Buffer.from('89504e470d0a1a0a0000', 'hex')) });
    expect(((await (await photo(asManager!.cookie!)).json()) as { error?: { code: string } }).error?.code).toBe('ROLE_FORBIDDEN');
    expect(await admin.emitWithAck('admin:config', {})).toEqual(before);

    // The admin may; the manager still keeps everyone else's card and PIN.
    expect((await raw(admin, 'admin:resetPin', { cmdId: cmdId(), staffId: 's0002', pin: '135790' })).ok).toBe(true);
    expect((await raw(admin, 'admin:saveStaff', { cmdId: cmdId(), staff: theAdmin })).ok).toBe(true);
    expect(await (await photo(asAdmin!.cookie!)).json()).toMatchObject({ ok: true });
    expect((await raw(manager1, 'admin:resetPin', { cmdId: cmdId(), staffId: 's0501', pin: '123456' })).ok).toBe(true);
    manager1.disconnect();
    admin.disconnect();
  });
});
