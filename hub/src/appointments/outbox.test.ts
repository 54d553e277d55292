import type { BookingRules } from '@yichuang/shared/appointments';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointmentsOf } from '../engine/state.js';
import { Hall, local, makeConfig } from '../engine/test-fixtures.js';
import type { Command } from '../engine/types.js';
import { dueNotices, Outbox, type Notice, type NoticeSender, type SendResult } from './outbox.js';
import { PhoneVault } from './phone-vault.js';

const RULES: BookingRules = {
  enabled: true,
  slotMinutes: 30,
  capacity: 4,
  daysAhead: 7,
  cutoffMinutes: 0,
  perPerson: { maxActive: 5, maxPerDay: 5 },
  blackoutDays: [],
  checkIn: { earlyMinutes: 30, lateMinutes: 15 },
};
const DAY_BEFORE = 24 * 60;

let dir: string;
let vault: PhoneVault;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'outbox-'));
  vault = await PhoneVault.open(dir, { inUse: false, log: () => undefined });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

let made = 0;
function book(hall: Hall, slot: string, phone = '13812345678'): string {
  const code = String(300000 + ++made);
  hall.run({ type: 'book', bookingId: `b${code}`, code, categoryId: 'general', slotStart: local(slot), name: '王*明', phone: { masked: '138****5678', key: `k${made}` }, contact: vault.seal(phone), by: 'citizen', rules: RULES });
  return code;
}

const kinds = (hall: Hall) => dueNotices(hall.state, hall.now, DAY_BEFORE).map((d) => `${d.booking.code}:${d.kind}`);
const record = (hall: Hall, code: string, kind: 'confirmed' | 'reminder') =>
  hall.run({ type: 'recordNotice', bookingId: `b${code}`, kind, channel: 'test', to: '138****5678', text: '', ok: true });

/** An Outbox over the engine fixture's hall: commands are decided and applied at once. */
function outboxOf(hall: Hall, sender: NoticeSender): Outbox {
  const execute = (command: Command) => {
    hall.attempt(command);
    return Promise.resolve({ ok: true as const, data: [] });
  };
  return new Outbox({
    hall: {
      get current() {
        return hall.state;
      },
      execute,
    },
    config: () => hall.config,
    clock: () => hall.now,
    log: () => undefined,
    vault,
    sender,
    reminderMinutesBefore: DAY_BEFORE,
  });
}

describe('due notices', () => {
  it('confirm at once, remind the day before (only bookings made earlier), and tell of a call', () => {
    const hall = new Hall(makeConfig(), local('2026-11-23 09:00'));
    const nextWeek = book(hall, '2026-11-30 10:00');
    const tomorrow = book(hall, '2026-11-24 09:00');
    expect(kinds(hall)).toEqual([`${nextWeek}:confirmed`, `${tomorrow}:confirmed`]);
    record(hall, nextWeek, 'confirmed');
    record(hall, tomorrow, 'confirmed');
    expect(kinds(hall)).toEqual([]);
    // Booked less than a day ahead: no reminder for tomorrow's; next week's is reminded on the 29th.
    hall.at('2026-11-29 10:00');
    expect(kinds(hall)).toEqual([`${nextWeek}:reminder`]);
    record(hall, nextWeek, 'reminder');
    hall.at('2026-11-30 09:45').open(1);
    hall.run({ type: 'checkIn', code: nextWeek, acceptNormal: false });
    expect(kinds(hall)).toEqual([]);
    hall.run({ type: 'callNext', windowId: 'w1' });
    expect(kinds(hall)).toEqual([`${nextWeek}:called`]);
  });

  it('tell of a cancellation only those told of the booking', () => {
    const hall = new Hall(makeConfig(), local('2026-11-23 09:00'));
    const told = book(hall, '2026-11-24 10:00');
    const untold = book(hall, '2026-11-24 10:30');
    record(hall, told, 'confirmed');
    hall.run({ type: 'cancelBooking', code: told, by: 'staff' }, { type: 'cancelBooking', code: untold, by: 'staff' });
    expect(kinds(hall)).toEqual([`${told}:cancelled`]);
  });
});

describe('outbox', () => {
  it('hands the sender the text and the unsealed number, and records each notice once', async () => {
    const hall = new Hall(makeConfig(), local('2026-11-23 09:00'));
    const code = book(hall, '2026-11-24 10:00');
    const sent: Notice[] = [];
    const outbox = outboxOf(hall, {
      channel: 'sms',
      send: (n) => {
        sent.push(n);
        return Promise.resolve({ ok: true });
      },
    });
    await outbox.flush();
    await outbox.flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ code, kind: 'confirmed', to: { masked: '138****5678', phone: '13812345678' } });
    expect(sent[0]?.text).toBe(`【示范区政务服务中心】您已预约综合受理：2026-11-24 10:00，预约码 ${code}。请于 09:30–10:15 凭预约码在大厅取号机签到。`);
    expect(appointmentsOf(hall.state).notices).toMatchObject([{ code, kind: 'confirmed', channel: 'sms', to: '138****5678', ok: true }]);
  });

  it('tries a failing notice again, and records it as not sent after the third failure', async () => {
    const hall = new Hall(makeConfig(), local('2026-11-23 09:00'));
    book(hall, '2026-11-24 10:00');
    let tries = 0;
    const failing: NoticeSender = {
      channel: 'sms',
      send: (): Promise<SendResult> => {
        tries++;
        return tries === 2 ? Promise.reject(new Error('gateway down')) : Promise.resolve({ ok: false, reason: 'no credit' });
      },
    };
    const outbox = outboxOf(hall, failing);
    await outbox.flush();
    await outbox.flush();
    expect(appointmentsOf(hall.state).notices).toEqual([]);
    await outbox.flush();
    expect(tries).toBe(3);
    expect(appointmentsOf(hall.state).notices).toMatchObject([{ kind: 'confirmed', ok: false, reason: 'no credit' }]);
    await outbox.flush();
    expect(tries).toBe(3);
  });
});
