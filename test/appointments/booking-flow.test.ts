// Appointments against a real hub: booking on the phone page's REST routes, check-in at a kiosk,
// the call at a window, staff booking and cancelling over sockets, notices, no-shows, restarts.
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { AppointmentDay, BookingView } from '@yichuang/shared/appointments';
import { afterEach, describe, expect, it } from 'vitest';
import { cmdId, MONDAY_10AM, next, startTestHub, tempDir, type Client, type TestHub } from '../helpers/test-hub.js';
import { book, eventually, ok, rest, services, slotAt } from './rest.js';

const MINUTE = 60_000;
const SATURDAY_10AM = MONDAY_10AM + 5 * 24 * 60 * MINUTE;

const hubs: TestHub[] = [];
async function hub(options: Parameters<typeof startTestHub>[0] = {}): Promise<TestHub> {
  const t = await startTestHub(options);
  hubs.push(t);
  return t;
}
afterEach(async () => {
  for (const t of hubs.splice(0)) await t.close();
});

async function day(console: Client, day?: string): Promise<AppointmentDay> {
  const ack = await console.emitWithAck('appointment:day', { cmdId: cmdId(), ...(day && { day }) });
  if (!ack.ok) throw new Error(ack.error.messageEn);
  return ack.data;
}

describe('appointments on a real hub', () => {
  it('books on the phone page, checks in at a kiosk, is called first at a window and told so', async () => {
    const t = await hub();
    const page = await services(t);
    expect(page.today).toBe('2026-11-23');
    const general = page.services.find((s) => s.id === 'general');
    expect(general?.days[0]).toMatchObject({ day: '2026-11-23', appointmentOnly: false });
    expect(page.services.some((s) => s.id === 'certificate')).toBe(false);

    const slot = await slotAt(t, 'general', '2026-11-23', '11:00');
    const booked = ok(await book(t, { categoryId: 'general', slotStart: slot.start, phone: '13812345678', name: '王小明' }));
    expect(booked).toMatchObject({ status: 'booked', name: '王*明', phone: '138****5678', day: '2026-11-23', by: 'citizen' });
    expect(booked.code).toMatch(/^\d{6}$/);

    // Two walk-ins arrive before the appointment holder.
    const kiosk = await t.connect('demo-kiosk-1');
    for (let i = 0; i < 2; i++) expect(await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' })).toMatchObject({ ok: true });
    t.clock.advance(45 * MINUTE); // 10:45: check-in is open (from 10:30) and the appointment is due (from 10:45)
    const checkedIn = await kiosk.emitWithAck('appointment:checkIn', { cmdId: cmdId(), code: booked.code });
    expect(checkedIn).toMatchObject({
      ok: true,
      data: { ticket: { number: 'A003', priority: 'appointment', source: 'appointment', identity: '138****5678' }, appointment: { code: booked.code, late: false } },
    });
    expect(await kiosk.emitWithAck('appointment:checkIn', { cmdId: cmdId(), code: booked.code })).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_CHECKED_IN', message: '该预约已签到，号码 A003' },
    });

    const window = await t.connect('demo-window-01');
    expect(await window.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: 'w01', staffNumber: '0101', pin: '123456' })).toMatchObject({ ok: true });
    const called = await window.emitWithAck('window:callNext', { cmdId: cmdId(), windowId: 'w01' });
    expect(called).toMatchObject({ ok: true, data: { ticket: { number: 'A003' } } });

    expect(ok(await rest<BookingView>(t, '/lookup', { code: booked.code, phoneTail: '5678' }))).toMatchObject({ status: 'checkedIn', ticketNumber: 'A003' });
    const console = await t.connect('demo-console-1');
    const notices = await eventually(async () => {
      const n = (await day(console)).notices;
      return n.some((x) => x.kind === 'called') ? n : undefined;
    }, 'the called notice');
    expect(notices.map((n) => n.kind)).toEqual(['called', 'confirmed']);
    expect(notices[0]).toMatchObject({ code: booked.code, to: '138****5678', channel: 'demo', ok: true, text: '【示范区政务服务中心（演示）】请 A003 号到 1 号窗口办理综合受理（无差别）。' });
  });

  it('never books a slot beyond its capacity when many staff book at once', async () => {
    const t = await hub();
    const consoles = await Promise.all([1, 2, 3].map(() => t.connect('demo-console-1')));
    const slot = await slotAt(t, 'general', '2026-11-24', '09:00');
    expect(slot).toMatchObject({ capacity: 4, booked: 0, open: true });
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        consoles[i % 3]!.emitWithAck('appointment:book', {
          cmdId: cmdId(),
          categoryId: 'general',
          slotStart: slot.start,
          name: '赵钱孙',
          phone: `1390000${String(i).padStart(4, '0')}`,
        }),
      ),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(4);
    expect(answers.filter((a) => !a.ok).map((a) => !a.ok && a.error.code)).toEqual(Array(26).fill('APPOINTMENT_SLOT_FULL'));
    expect(await slotAt(t, 'general', '2026-11-24', '09:00')).toMatchObject({ booked: 4, open: false });
    const shown = (await day(consoles[0]!, '2026-11-24')).categories.find((c) => c.categoryId === 'general');
    expect(shown?.slots.find((s) => s.start === slot.start)?.bookings).toHaveLength(4);
    expect(shown?.slots.find((s) => s.start === slot.start)?.bookings.every((b) => b.by === 'staff')).toBe(true);
  });

  it('changes and cancels with the code and phone tail, and books a resent form once', async () => {
    const t = await hub();
    const first = await slotAt(t, 'social', '2026-11-25', '09:00');
    const later = await slotAt(t, 'social', '2026-11-25', '14:00');
    const sent = { categoryId: 'social', slotStart: first.start, phone: '13700001111', requestId: 'form-1' };
    const console = await t.connect('demo-console-1');
    const told = next(console, 'appointment:changed');
    const booked = ok(await book(t, sent));
    expect((await told).days).toEqual(['2026-11-25']);
    expect(ok(await book(t, sent)).code).toBe(booked.code);
    expect(await slotAt(t, 'social', '2026-11-25', '09:00')).toMatchObject({ booked: 1 });

    expect(await rest(t, '/change', { code: booked.code, phoneTail: '0000', slotStart: later.start })).toMatchObject({ status: 404, body: { error: { code: 'APPOINTMENT_UNKNOWN' } } });
    const changed = ok(await rest<BookingView>(t, '/change', { code: booked.code, phoneTail: '1111', slotStart: later.start }));
    expect(changed).toMatchObject({ code: booked.code, slotStart: later.start, status: 'booked' });
    expect(await slotAt(t, 'social', '2026-11-25', '09:00')).toMatchObject({ booked: 0 });

    expect(ok(await rest<BookingView>(t, '/cancel', { code: booked.code, phoneTail: '1111' }))).toMatchObject({ status: 'cancelled' });
    expect(await rest(t, '/cancel', { code: booked.code, phoneTail: '1111' })).toMatchObject({
      status: 409,
      body: { ok: false, error: { code: 'APPOINTMENT_CANCELLED', message: '该预约已取消', messageEn: 'That appointment was cancelled' } },
    });
  });

  it('answers bad input in Chinese and English, and limits requests per address', async () => {
    const t = await hub();
    const slot = await slotAt(t, 'general', '2026-11-24', '10:00');
    const bad = await book(t, { categoryId: 'general', slotStart: slot.start, phone: '12345' });
    expect(bad).toMatchObject({ status: 400, body: { ok: false, error: { code: 'BAD_REQUEST' } } });
    if (!bad.body.ok) expect(bad.body.error).toMatchObject({ message: expect.stringContaining('手机号码格式不正确'), messageEn: expect.stringContaining('invalid mobile number') });
    expect(await rest(t, '/slots?categoryId=general&day=tomorrow')).toMatchObject({ status: 400 });
    expect(await rest(t, '/slots?categoryId=certificate&day=2026-11-24')).toMatchObject({ status: 409, body: { error: { code: 'APPOINTMENT_NOT_ALLOWED' } } });
    expect(await book(t, { categoryId: 'general', slotStart: slot.start + 10 * MINUTE, phone: '13800000000' })).toMatchObject({
      status: 409,
      body: { error: { code: 'SLOT_UNKNOWN', message: '该时段不可预约' } },
    });
    const kiosk = await t.connect('demo-kiosk-1');
    expect(await kiosk.emitWithAck('appointment:checkIn', { cmdId: cmdId(), code: '12ab' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await kiosk.emitWithAck('appointment:day', { cmdId: cmdId() })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // 10 writes a minute per address; the two bookings above used two of them.
    const lookups = await Promise.all(Array.from({ length: 9 }, () => rest(t, '/lookup', { code: '000000', phoneTail: '0000' })));
    expect(lookups.map((a) => a.status).sort()).toEqual([...Array(8).fill(404), 429]);
    expect(lookups.find((a) => a.status === 429)?.body).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', messageEn: 'Too many requests; try again shortly' } });
    t.clock.advance(MINUTE);
    expect((await rest(t, '/lookup', { code: '000000', phoneTail: '0000' })).status).toBe(404);
  });

  it('survives a restart, marks no-shows after the slot, and stores no phone number in clear', async () => {
    const dataDir = await tempDir();
    const a = await hub({ dataDir });
    const slot = await slotAt(a, 'general', '2026-11-23', '11:00');
    const booked = ok(await book(a, { categoryId: 'general', slotStart: slot.start, phone: '13912345678' }));
    const first = await a.connect('demo-console-1');
    await eventually(async () => ((await day(first)).notices.length > 0 ? true : undefined), 'the confirmation');
    await a.close();
    hubs.splice(hubs.indexOf(a), 1);

    // 11:30: the slot has ended, and check-in closed at 11:15.
    const b = await hub({ dataDir, start: MONDAY_10AM + 90 * MINUTE });
    const console = await b.connect('demo-console-1');
    const after = await eventually(async () => {
      const d = await day(console);
      return d.totals.noShow === 1 ? d : undefined;
    }, 'the no-show');
    expect(after.totals).toMatchObject({ booked: 0, noShow: 1 });
    expect(ok(await rest<BookingView>(b, '/lookup', { code: booked.code, phoneTail: '5678' })).status).toBe('noShow');
    // The confirmation was recorded before the restart: it is not sent twice.
    expect(after.notices.filter((n) => n.kind === 'confirmed')).toHaveLength(1);

    const files = await readdir(dataDir, { recursive: true, withFileTypes: true });
    const text = (await Promise.all(files.filter((f) => f.isFile()).map((f) => readFile(path.join(f.parentPath, f.name), 'utf8')))).join('\n');
    expect(text).toContain('appointment.noShow');
    expect(text).toContain('139****5678');
    expect(text).not.toContain('13912345678');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves the weekend by appointment only (周末不打烊)', async () => {
    const t = await hub({ start: SATURDAY_10AM });
    const insurance = (await services(t)).services.find((s) => s.id === 'insurance');
    expect(insurance?.days[0]).toMatchObject({ day: '2026-11-28', appointmentOnly: true });
    const kiosk = await t.connect('demo-kiosk-1');
    expect(await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'insurance' })).toMatchObject({
      ok: false,
      error: { code: 'APPOINTMENT_ONLY', message: '此时段该业务仅接待预约群众，请先预约' },
    });
    const slot = await slotAt(t, 'insurance', '2026-11-28', '11:00');
    const booked = ok(await book(t, { categoryId: 'insurance', slotStart: slot.start, phone: '13600002222' }));
    t.clock.advance(30 * MINUTE);
    expect(await kiosk.emitWithAck('appointment:checkIn', { cmdId: cmdId(), code: booked.code })).toMatchObject({
      ok: true,
      data: { ticket: { number: 'C001', priority: 'appointment' } },
    });
  });
});
