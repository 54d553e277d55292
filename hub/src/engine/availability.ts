// Whether a category takes walk-in tickets now, and the wait a citizen can honestly be told
// (docs/design.md §3, availability). One rule for the issue guard (the refusal), the screens' queue
// views (kiosk, guide, phone page) and the hub's alerts: a number is never issued that nobody will call.
import type { Availability, Category, HallConfig, PriorityClass, TicketSource } from '@yichuang/shared/domain';
import { openingBoth } from '@yichuang/shared/kiosk-opening';
import { addDays, clockMinutes, formatClock, localParts, nextOpening, periodsOn, startOfDay, withinPeriods, zonedInstant } from '@yichuang/shared/time';
import { windowCategories } from './tidal.js';
import type { DomainError, EngineState, QueueLoad } from './types.js';

export type { QueueLoad };

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;
/** Assumed service time until a category has finished visits today. */
const DEFAULT_SERVICE_MIN = 6;
/** The pace is that of the category's latest finished visits. */
const SERVICE_SAMPLE = 20;


/** Availability, with the refusal the engine answers a walk-in ticket with when it is not issued. */
export interface Verdict extends Availability {
  refusal?: DomainError;
}

/** An appointment check-in, by where it came from or by its class. Caps, quotas and the closing rule skip these. */
export const isAppointment = (t: { source: TicketSource; priority: PriorityClass }): boolean =>
  t.source === 'appointment' || t.priority === 'appointment';

/** The time a visit took at the window (serving periods; holds excluded). */
export const servedMs = (periods: readonly { state: string; start: number; end?: number }[]): number =>
  periods.reduce((s, p) => (p.state === 'serving' ? s + ((p.end ?? p.start) - p.start) : s), 0);

/** The load from the state itself (the issue guard); Views keeps an index of the same per state version. */
export function queueLoad(state: EngineState, categoryId: string): QueueLoad {
  let waiting = 0;
  const served: number[] = [];
  for (const t of Object.values(state.tickets)) {
    if (t.categoryId !== categoryId) continue;
    if (t.state === 'waiting') waiting++;
    else if (t.state === 'finished') {
      const ms = servedMs(t.periods);
      if (ms > 0) served.push(ms);
    }
  }
  return { waiting, servedMs: served };
}

/** Average minutes of the latest visits, or the default before any. */
export function serviceMinutes(served: readonly number[]): number {
  const recent = served.slice(-SERVICE_SAMPLE);
  if (recent.length === 0) return DEFAULT_SERVICE_MIN;
  return recent.reduce((a, b) => a + b, 0) / recent.length / MINUTE;
}

/** Windows serving the category now (tidal switches included), and of those the ones staffed and the ones open. */
export function windowsServing(state: EngineState, config: HallConfig, categoryId: string): { assigned: number; staffed: number; open: number } {
  let assigned = 0;
  let staffed = 0;
  let open = 0;
  for (const w of config.windows) {
    if (!windowCategories(state, w).some((c) => c.categoryId === categoryId)) continue;
    assigned++;
    const live = state.windows[w.id];
    if (live && live.status !== 'closed' && live.staffId !== undefined) staffed++;
    if (live?.status === 'open') open++;
  }
  return { assigned, staffed, open };
}

/**
 * Minutes a ticket taken now would wait: the people waiting at the category's pace, shared by
 * `windows` (the screens' estimate: the windows open now, at least one).
 */
export function paceMinutes(load: QueueLoad, windows: number): number {
  if (load.waiting === 0) return 0;
  // Someone is waiting: never "about 0 minutes", even after a run of visits closed in seconds.
  return Math.max(1, Math.round((load.waiting * serviceMinutes(load.servedMs)) / Math.max(1, windows)));
}

/**
 * Minutes of walk-in hours left today from `now` (lunch breaks not counted). Hours that run to
 * midnight (24-hour self-service) have no closing to serve the queue by.
 */
function minutesLeftToday(category: Category, config: HallConfig, now: number): number {
  const { timeZone, schedule } = config.hall;
  const local = localParts(now, timeZone);
  const periods = periodsOn(category.hours ?? schedule.hours, local.day, schedule);
  if (periods.some((p) => clockMinutes(p.end) >= DAY_MINUTES)) return Infinity;
  return periods.reduce((sum, p) => sum + Math.max(0, clockMinutes(p.end) - Math.max(clockMinutes(p.start), local.minutes)), 0);
}

/** The first walk-in opening after today. */
function openingAfterToday(category: Category, config: HallConfig, now: number): number | undefined {
  const { timeZone, schedule } = config.hall;
  const tomorrow = startOfDay(addDays(localParts(now, timeZone).day, 1), timeZone);
  return nextOpening(category.hours ?? schedule.hours, tomorrow - 1, timeZone, schedule);
}

const bothNames = (category: Category) => ({ zh: category.name, en: category.nameEn || category.name });

/**
 * The rule, in order: no window assigned → notServed; outside walk-in hours or the time slot full →
 * closedNow; the daily cap reached, or a ticket taken now not called before closing → fullToday;
 * no window staffed → noOpenWindow (still issued: numbers are called once staff sign in, and the
 * hall is alerted); otherwise open. `load` defaults to a scan of the state.
 */
export function categoryAvailability(
  state: EngineState,
  category: Category,
  now: number,
  config: HallConfig,
  load: QueueLoad = queueLoad(state, category.id),
): Verdict {
  const name = bothNames(category);
  const { timeZone } = config.hall;
  const windows = windowsServing(state, config, category.id);
  if (windows.assigned === 0) return { state: 'notServed', refusal: { code: 'NOT_SERVED_CATEGORY', params: { name } } };

  const closed = hours(category, config, now);
  if (closed) return closed;

  const { dailyCap, slotQuota } = category;
  const walkIns = dailyCap === undefined && !slotQuota ? [] : (load.walkIns ?? walkInsOf(state, category.id));
  if (dailyCap !== undefined && walkIns.length >= dailyCap) {
    return { state: 'fullToday', nextOpening: openingAfterToday(category, config, now), refusal: { code: 'DAILY_CAP_REACHED', params: { name, cap: dailyCap } } };
  }
  if (slotQuota) {
    // Slots are counted from local midnight.
    const local = localParts(now, timeZone);
    const first = Math.floor(local.minutes / slotQuota.minutes) * slotQuota.minutes;
    const start = zonedInstant(local.day, first, timeZone);
    const end = zonedInstant(local.day, first + slotQuota.minutes, timeZone);
    const inSlot = walkIns.filter((t) => t.issuedAt >= start && t.issuedAt < end).length;
    if (inSlot >= slotQuota.max) return { state: 'closedNow', nextOpening: end, refusal: { code: 'SLOT_FULL', params: { name, nextSlot: formatClock(end, timeZone) } } };
  }

  // Closing: the pace of the windows open, else of those staffed (paused), else of those assigned,
  // whose staff are yet to sign in: a hall is not full before its morning has begun.
  const minutesLeft = minutesLeftToday(category, config, now);
  if (paceMinutes(load, windows.open || windows.staffed || windows.assigned) > minutesLeft) {
    const next = openingAfterToday(category, config, now);
    const nextOpening = next === undefined ? undefined : openingBoth(next, now, timeZone);
    return { state: 'fullToday', nextOpening: next, refusal: { code: 'QUEUE_FULL_TODAY', params: { name, nextOpening: nextOpening ?? '—' } } };
  }
  // The estimate screens show, never past closing.
  return windows.staffed === 0 ? { state: 'noOpenWindow' } : { state: 'open', estimateMin: Math.min(paceMinutes(load, windows.open), Math.max(1, Math.floor(minutesLeft))) };
}

/** Walk-in hours take everyone; appointment-only hours (周末不打烊) take appointments only. */
function hours(category: Category, config: HallConfig, now: number): Verdict | undefined {
  const { timeZone, schedule } = config.hall;
  const local = localParts(now, timeZone);
  const walkIn = category.hours ?? schedule.hours;
  if (withinPeriods(periodsOn(walkIn, local.day, schedule), local.minutes)) return undefined;
  const next = nextOpening(walkIn, now, timeZone, schedule);
  if (category.appointmentHours && withinPeriods(periodsOn(category.appointmentHours, local.day, schedule), local.minutes)) {
    return { state: 'closedNow', nextOpening: next, refusal: { code: 'APPOINTMENT_ONLY' } };
  }
  if (next === undefined) return { state: 'closedNow', refusal: { code: 'HALL_CLOSED' } };
  return { state: 'closedNow', nextOpening: next, refusal: { code: 'OUTSIDE_HOURS', params: { nextOpening: openingBoth(next, now, timeZone) } } };
}

/** Today's walk-in tickets first issued in this category (a transfer changes categoryId; the first period keeps it). */
function walkInsOf(state: EngineState, categoryId: string) {
  return Object.values(state.tickets).filter((t) => (t.periods[0]?.categoryId ?? t.categoryId) === categoryId && !isAppointment(t));
}

/** Whether appointment check-ins are taken now: in walk-in or appointment hours, by a category some window serves. */
export function appointmentRefusal(state: EngineState, category: Category, now: number, config: HallConfig): DomainError | undefined {
  const verdict = categoryAvailability(state, category, now, config, { waiting: 0, servedMs: [] });
  if (verdict.state === 'notServed') return verdict.refusal;
  if (verdict.state !== 'closedNow' || verdict.refusal?.code === 'APPOINTMENT_ONLY' || verdict.refusal?.code === 'SLOT_FULL') return undefined;
  return verdict.refusal;
}
