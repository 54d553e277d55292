// Appointment slots: cut from the hours a category serves on a day — walk-in hours and the
// appointment-only hours of 周末不打烊 — with the hall's holidays and make-up workdays, and the
// category's blackout days. Each period is cut from its start into slotMinutes-long slots that fit.
import type { BookingRules } from '@yichuang/shared/appointments';
import type { Category, Hall, ServiceDay, TimeRange } from '@yichuang/shared/domain';
import { addDays, clockMinutes, localParts, periodsOn, serviceDay, zonedInstant } from '@yichuang/shared/time';
import type { DomainError } from './types.js';

const MINUTE = 60_000;

export interface Slot {
  start: number;
  end: number;
  /** In appointment-only hours: no walk-ins then. */
  appointmentOnly: boolean;
}

export function slotsOn(category: Category, rules: BookingRules, day: ServiceDay, hall: Hall): Slot[] {
  if (rules.blackoutDays.includes(day)) return [];
  const { schedule, timeZone } = hall;
  const cut = (periods: readonly TimeRange[], appointmentOnly: boolean): Slot[] =>
    periods.flatMap((p) => {
      const [first, last] = [clockMinutes(p.start), clockMinutes(p.end)];
      const from = zonedInstant(day, first, timeZone);
      // Time-zone lookups are slow; without an offset change inside the period, slots are plain sums.
      const linear = zonedInstant(day, last, timeZone) - from === (last - first) * MINUTE;
      const at = (m: number): number => (linear ? from + (m - first) * MINUTE : zonedInstant(day, m, timeZone));
      const slots: Slot[] = [];
      for (let m = first; m + rules.slotMinutes <= last; m += rules.slotMinutes) {
        slots.push({ start: at(m), end: at(m + rules.slotMinutes), appointmentOnly });
      }
      return slots;
    });
  const walkIn = cut(periodsOn(category.hours ?? schedule.hours, day, schedule), false);
  const only = category.appointmentHours ? cut(periodsOn(category.appointmentHours, day, schedule), true) : [];
  // Where both timetables cover a time, walk-in hours win (as they do when tickets are issued).
  const starts = new Set(walkIn.map((s) => s.start));
  return [...walkIn, ...only.filter((s) => !starts.has(s.start))].sort((a, b) => a.start - b.start);
}

export interface CheckInWindow {
  from: number;
  until: number;
}

/**
 * The one check-in rule (issue #24): the window a booking asks for (`earlyMinutes` before the slot to
 * `lateMinutes` after its start), cut to the hours that hold the slot — the category's walk-in and
 * appointment-only hours of that day, joined where they touch — because outside them the hall takes
 * no ticket. The booking stores it (the booking page's promise), and the check-in guard and its
 * refusals use it, so a 09:00 or 13:30 slot never promises 08:30 or 13:00.
 */
export function checkInWindow(category: Category, slotStart: number, wanted: CheckInWindow, hall: Hall): CheckInWindow {
  const { schedule, timeZone } = hall;
  const { day, minutes } = localParts(slotStart, timeZone);
  const periods = [...periodsOn(category.hours ?? schedule.hours, day, schedule), ...(category.appointmentHours ? periodsOn(category.appointmentHours, day, schedule) : [])]
    .map((p) => [clockMinutes(p.start), clockMinutes(p.end)] as const)
    .sort((a, b) => a[0] - b[0]);
  let run: [number, number] | undefined;
  for (const [start, end] of periods) {
    if (run && start <= run[1]) run[1] = Math.max(run[1], end);
    else if (start <= minutes) run = [start, end];
    else break;
  }
  if (!run || minutes >= run[1]) return wanted;
  return { from: Math.max(wanted.from, zonedInstant(day, run[0], timeZone)), until: Math.min(wanted.until, zonedInstant(day, run[1], timeZone)) };
}

/** Days a booking can be made for: today and `daysAhead` days after. */
export function bookableDays(today: ServiceDay, rules: BookingRules): ServiceDay[] {
  return Array.from({ length: rules.daysAhead + 1 }, (_, i) => addDays(today, i));
}

/** Bookable now: the cut-off before the slot has not passed. */
export const beforeCutoff = (slot: Slot, rules: BookingRules, now: number): boolean => now <= slot.start - rules.cutoffMinutes * MINUTE;

/** The slot starting at `start`, if a booking may be made for it now; otherwise why not. */
export function slotToBook(
  category: Category,
  rules: BookingRules,
  start: number,
  hall: Hall,
  today: ServiceDay,
  now: number,
): Slot | DomainError {
  const day = serviceDay(start, hall.timeZone);
  if (day > addDays(today, rules.daysAhead)) return { code: 'BOOKING_TOO_FAR', params: { days: rules.daysAhead } };
  const slots = slotsOn(category, rules, day, hall);
  if (slots.length === 0) return { code: 'BOOKING_DAY_CLOSED', params: { day } };
  const slot = slots.find((s) => s.start === start);
  if (!slot) return { code: 'SLOT_UNKNOWN' };
  if (!beforeCutoff(slot, rules, now)) return { code: 'BOOKING_CLOSED', params: { minutes: rules.cutoffMinutes } };
  return slot;
}
