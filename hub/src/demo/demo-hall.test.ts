import { beforeAll, describe, expect, it } from 'vitest';
import type { HallConfig, WeekHours } from '@yichuang/shared/domain';
import { clockMinutes, periodsOn, weekdayOf, withinPeriods } from '@yichuang/shared/time';
import { SCHEMA_VERSION } from '../storage/migrations.js';
import { tokenHash } from '../security/device-tokens.js';
import { verifySecret } from '../security/passwords.js';
import { DEMO_PASSWORD, DEMO_PIN, demoHall } from './demo-hall.js';

let config: HallConfig;
beforeAll(async () => {
  config = await demoHall();
});

const count = <T>(items: readonly T[]): Map<T, number> => {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
};
const duplicates = <T>(items: readonly T[]): T[] => [...count(items)].filter(([, n]) => n > 1).map(([item]) => item);
const openDays = (hours: WeekHours | undefined): number[] =>
  (hours ?? []).flatMap((periods, weekday) => (periods.length > 0 ? [weekday] : []));

describe('demo hall', () => {
  it('is of the current schema version, in the Asia/Shanghai time zone', () => {
    expect(config.schemaVersion).toBe(SCHEMA_VERSION);
    expect(config.hall.id).toBe('demo-district');
    expect(config.hall.timeZone).toBe('Asia/Shanghai');
  });

  it('has well-formed opening periods everywhere', () => {
    const timetables = [
      config.hall.schedule.hours,
      ...config.categories.flatMap((c) => [c.hours ?? [], c.appointmentHours ?? []]),
    ];
    for (const period of timetables.flat(2)) {
      expect(period.start).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      expect(period.end).toMatch(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/);
      expect(clockMinutes(period.start)).toBeLessThan(clockMinutes(period.end));
    }
  });

  it('serves walk-ins Mon–Fri with a lunch break, and closes on holidays', () => {
    const { schedule } = config.hall;
    const monday = periodsOn(schedule.hours, '2026-11-23', schedule);
    expect(withinPeriods(monday, clockMinutes('09:00'))).toBe(true);
    expect(withinPeriods(monday, clockMinutes('12:30'))).toBe(false);
    expect(withinPeriods(monday, clockMinutes('16:59'))).toBe(true);
    expect(withinPeriods(monday, clockMinutes('17:00'))).toBe(false);
    expect(periodsOn(schedule.hours, '2026-11-22', schedule)).toEqual([]); // Sunday
    expect(periodsOn(schedule.hours, '2026-10-01', schedule)).toEqual([]); // 国庆
    expect(periodsOn(schedule.hours, '2026-10-10', schedule)).toEqual(monday); // 调休 Saturday
  });

  it('keeps a consistent holiday calendar', () => {
    const { holidays, makeupWorkdays } = config.hall.schedule;
    expect(duplicates([...holidays, ...makeupWorkdays])).toEqual([]);
    for (const day of makeupWorkdays) expect([0, 6], day).toContain(weekdayOf(day));
    expect(holidays).toContain('2026-02-17'); // 春节 (正月初一)
    expect(holidays).toHaveLength(33);
  });

  it('has a 24-hour zone with a terminal in it (due all day, whatever the hall’s hours)', () => {
    expect(config.hall.zones.map((z) => z.id)).toContain('self24');
    expect(config.devices.some((d) => d.role === 'kiosk' && d.zone === 'self24')).toBe(true);
  });
});

describe('demo categories', () => {
  it('have unique single-letter prefixes without I or O', () => {
    const prefixes = config.categories.map((c) => c.prefix);
    for (const prefix of prefixes) expect(prefix).toMatch(/^[A-HJ-NP-Z]$/);
    expect(duplicates(prefixes)).toEqual([]);
    expect(duplicates(config.categories.map((c) => c.id))).toEqual([]);
  });

  it('offer weekend appointments (周末不打烊) exactly for 医保社保, 不动产 and 税务, on Sat/Sun only', () => {
    const weekend = config.categories.filter((c) => c.appointmentHours);
    expect(weekend.map((c) => c.prefix).sort()).toEqual(['C', 'E', 'F']);
    for (const c of weekend) {
      expect(c.allowAppointment).toBe(true);
      expect(openDays(c.appointmentHours)).toEqual([0, 6]);
    }
  });

  it('include at least one daily cap and one slot quota', () => {
    expect(config.categories.some((c) => c.dailyCap !== undefined && c.dailyCap > 0)).toBe(true);
    expect(config.categories.some((c) => c.slotQuota && c.slotQuota.max > 0 && c.slotQuota.minutes > 0)).toBe(true);
  });
});

describe('demo windows', () => {
  it('have unique numbers and ids, in a zone that exists', () => {
    expect(duplicates(config.windows.map((w) => w.number))).toEqual([]);
    expect(duplicates(config.windows.map((w) => w.id))).toEqual([]);
    const zones = config.hall.zones.map((z) => z.id);
    for (const w of config.windows) expect(zones).toContain(w.zone);
  });

  it('serve only categories that exist, each once with a positive weight', () => {
    const ids = new Set(config.categories.map((c) => c.id));
    for (const w of config.windows) {
      expect(w.categories.length, w.id).toBeGreaterThan(0);
      expect(duplicates(w.categories.map((c) => c.categoryId)), w.id).toEqual([]);
      for (const { categoryId, weight } of w.categories) {
        expect(ids.has(categoryId), `${w.id} → ${categoryId}`).toBe(true);
        expect(weight).toBeGreaterThan(0);
      }
    }
  });

  it('leave no category without a window', () => {
    const served = new Set(config.windows.flatMap((w) => w.categories.map((c) => c.categoryId)));
    expect(config.categories.filter((c) => !served.has(c.id)).map((c) => c.id)).toEqual([]);
  });

  it('include exactly one tidal window and at least two certificate windows', () => {
    const kinds = count(config.windows.map((w) => w.kind));
    expect(kinds.get('tidal')).toBe(1);
    expect(kinds.get('certificate')).toBeGreaterThanOrEqual(2);
  });
});

describe('demo staff', () => {
  it('have unique ids and numbers', () => {
    expect(duplicates(config.staff.map((s) => s.id))).toEqual([]);
    expect(duplicates(config.staff.map((s) => s.number))).toEqual([]);
  });

  it('staff every window from its own department, and include a manager, an admin and an evaluator', () => {
    const staffPerDepartment = count(config.staff.filter((s) => s.roles.includes('staff')).map((s) => s.department));
    for (const [department, windows] of count(config.windows.map((w) => w.department))) {
      expect(staffPerDepartment.get(department) ?? 0, department).toBeGreaterThanOrEqual(windows);
    }
    expect(config.staff.some((s) => s.roles.includes('manager'))).toBe(true);
    expect(config.staff.some((s) => s.roles.includes('admin'))).toBe(true);
    expect(config.staff.some((s) => s.roles.includes('evaluator'))).toBe(true);
  });

  it('sign in with DEMO_PIN, each argon2id hash with its own salt', async () => {
    const hashes = config.staff.map((s) => s.pinHash);
    expect(duplicates(hashes)).toEqual([]);
    for (const hash of hashes) expect(hash).toMatch(/^\$argon2id\$/);
    expect(await Promise.all(hashes.map((hash) => verifySecret(DEMO_PIN, hash)))).toEqual(hashes.map(() => true));
    expect(await verifySecret('654321', hashes[0] ?? '')).toBe(false);
  });

  it('give a console password to exactly the accounts with a console role', async () => {
    const consoleRoles = ['admin', 'manager', 'evaluator'];
    for (const s of config.staff) expect(s.passwordHash !== undefined, s.number).toBe(s.roles.some((r) => consoleRoles.includes(r)));
    const withPassword = config.staff.filter((s) => s.passwordHash);
    expect(await Promise.all(withPassword.map((s) => verifySecret(DEMO_PASSWORD, s.passwordHash!)))).toEqual(withPassword.map(() => true));
  });
});

describe('demo devices', () => {
  it('are pre-paired demo devices with unique ids and token hashes', () => {
    expect(duplicates(config.devices.map((d) => d.id))).toEqual([]);
    expect(duplicates(config.devices.map((d) => d.tokenHash))).toEqual([]);
    for (const d of config.devices) expect(d.demo).toBe(true);
  });

  it('give every window one staff client, one rating pad and one window-top display', () => {
    for (const w of config.windows) {
      const roles = config.devices.filter((d) => d.windowId === w.id).map((d) => d.role);
      expect(roles.sort(), w.id).toEqual(['display', 'pad', 'window']);
    }
    const windowIds = new Set(config.windows.map((w) => w.id));
    for (const { id, windowId } of config.devices) {
      if (windowId !== undefined) expect(windowIds.has(windowId), id).toBe(true);
    }
  });

  it('place kiosks and boards in existing zones, with a kiosk in the 24-hour zone', () => {
    const zones = new Set(config.hall.zones.map((z) => z.id));
    const placed = config.devices.filter((d) => d.role === 'kiosk' || d.role === 'board');
    for (const d of placed) expect(zones.has(d.zone ?? ''), d.id).toBe(true);
    expect(placed.some((d) => d.role === 'kiosk' && d.zone === 'self24')).toBe(true);
    expect(config.devices.some((d) => d.role === 'console')).toBe(true);
  });

  it('have the well-known tokens the screens are opened with, stored only as hashes', () => {
    const hashes = config.devices.map((d) => d.tokenHash);
    const wellKnown = ['demo-kiosk-1', 'demo-terminal24-1', 'demo-board-1', 'demo-window-01', 'demo-pad-01', 'demo-display-17'];
    expect(hashes).toEqual(expect.arrayContaining(wellKnown.map(tokenHash)));
    expect(JSON.stringify(config.devices)).not.toContain('demo-kiosk-1');
  });
});
