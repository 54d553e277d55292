// Builds one service day's roll-up from that day's journal records, fed one at a time: the hub
// feeds it live as commands land, and a rebuild feeds it a whole day's journal — same code, same result.
import type { PauseReason } from '@yichuang/shared/domain';
import type { Case } from '@yichuang/shared/ratings';
import { serviceDay, startOfDay, weekdayOf } from '@yichuang/shared/time';
import { evolve, initialState, type EngineEvent, type EngineState } from '../engine/index.js';
import type { JournalRecord } from '../storage/journal.js';
import { caseFact } from './evaluation-figures.js';
import { dayItems } from './item-facts.js';
import { ticketFact, type AppointmentFact, type KioskFact, type WindowFact } from './facts.js';
import { encodeRatings, encodeTickets, ROLLUP_VERSION, type DayRollup } from './rollup.js';

interface WindowClock {
  openSince?: number;
  pausedSince?: number;
  reason?: PauseReason;
  openMs: number;
  pauseMs: Partial<Record<PauseReason, number>>;
}

export class DayAccumulator {
  private readonly state: EngineState = initialState();
  private readonly clocks = new Map<string, WindowClock>();
  /** Appointment events by day booked for and category. */
  private readonly appointments = new Map<string, AppointmentFact>();
  private hall = '';
  private lastSeq = 0;
  private lastAt = 0;

  constructor(readonly day: string) {}

  apply(record: JournalRecord): void {
    if (record.day !== this.day) return;
    this.hall = record.hall;
    this.lastSeq = record.seq;
    this.lastAt = record.at;
    evolve(this.state, record.event);
    this.track(record.event);
  }

  private clock(windowId: string): WindowClock {
    let c = this.clocks.get(windowId);
    if (!c) this.clocks.set(windowId, (c = { openMs: 0, pauseMs: {} }));
    return c;
  }

  private appointment(day: string, category: string): AppointmentFact {
    const key = `${day} ${category}`;
    let a = this.appointments.get(key);
    if (!a) this.appointments.set(key, (a = { day, category, booked: 0, changed: 0, cancelled: 0, checkedIn: 0, late: 0, afterNoShow: 0, noShow: 0 }));
    return a;
  }

  private track(e: EngineEvent): void {
    switch (e.type) {
      case 'appointment.booked':
        this.appointment(e.booking.day, e.booking.categoryId).booked++;
        return;
      case 'appointment.changed':
        this.appointment(e.day, e.categoryId).changed++;
        return;
      case 'appointment.cancelled':
        this.appointment(e.day, e.categoryId).cancelled++;
        return;
      case 'appointment.checkedIn': {
        const a = this.appointment(e.day, e.categoryId);
        a.checkedIn++;
        if (e.late) a.late++;
        if (e.afterNoShow) a.afterNoShow++;
        return;
      }
      case 'appointment.noShow':
        this.appointment(e.day, e.categoryId).noShow++;
        return;
      case 'staff.signedIn':
        this.clock(e.windowId).openSince = e.at;
        return;
      case 'window.paused': {
        const c = this.clock(e.windowId);
        closeOpen(c, e.at);
        c.pausedSince = e.at;
        c.reason = e.reason;
        return;
      }
      case 'window.unpaused': {
        const c = this.clock(e.windowId);
        closePause(c, e.at);
        c.openSince = e.at;
        return;
      }
      case 'staff.signedOut': {
        const c = this.clock(e.windowId);
        closeOpen(c, e.at);
        closePause(c, e.at);
        return;
      }
      default:
        return;
    }
  }

  /**
   * The roll-up as of `until` (windows still open count up to then). A past day's roll-up runs to
   * its last event, so a window nobody signed out of does not count as open until midnight.
   * `kiosks`: the day's kiosk uptime, from its presence file (kiosk-uptime.ts); `partial`: the day is not over.
   */
  rollup(timeZone: string, { until = this.lastAt, kiosks = [], partial = false }: { until?: number; kiosks?: KioskFact[]; partial?: boolean } = {}): DayRollup {
    const tickets = encodeTickets(
      Object.values(this.state.tickets)
        .sort((a, b) => a.issuedAt - b.issuedAt || a.number.localeCompare(b.number))
        .map((t) => ticketFact(t, timeZone, until)),
    );
    const serving = new Map<string, number>();
    for (const t of Object.values(this.state.tickets)) {
      for (const p of t.periods) {
        if (p.state !== 'serving' || !p.windowId) continue;
        serving.set(p.windowId, (serving.get(p.windowId) ?? 0) + ((p.end ?? until) - p.start));
      }
    }
    const ids = new Set([...this.clocks.keys(), ...serving.keys()]);
    const windows: WindowFact[] = [...ids].sort().map((id) => {
      // A copy, closed at `until`: making the roll-up must not change the day it is made of.
      const kept = this.clocks.get(id);
      const c: WindowClock = { openMs: 0, ...kept, pauseMs: { ...kept?.pauseMs } };
      closeOpen(c, until);
      closePause(c, until);
      return { window: id, openMs: c.openMs, servingMs: serving.get(id) ?? 0, pauseMs: c.pauseMs };
    });
    const evaluation = this.state.evaluation;
    const ratings = Object.values(evaluation?.ratings ?? {}).sort((a, b) => a.at - b.at || a.ticketId.localeCompare(b.ticketId));
    // Only cases opened or moved on this day: a report takes each case's latest version from the
    // days up to today, and a case carried over unchanged would only repeat an earlier day's copy.
    const changedToday = (c: Case): boolean =>
      [c.openedAt, ...c.steps.map((st) => st.at)].some((at) => serviceDay(at, timeZone) === this.day);
    const cases = Object.values(evaluation?.cases ?? {})
      .filter(changedToday)
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((c) => caseFact(c, timeZone));
    const appointments = [...this.appointments.values()].sort((a, b) => a.day.localeCompare(b.day) || a.category.localeCompare(b.category));
    return {
      v: ROLLUP_VERSION,
      hall: this.hall,
      day: this.day,
      seq: this.lastSeq,
      weekday: weekdayOf(this.day),
      ...(partial && { partial: true as const }),
      tickets,
      windows,
      ratings: encodeRatings(ratings, startOfDay(this.day, timeZone)),
      cases,
      appointments,
      kiosks,
      ...dayItems(Object.values(this.state.tickets)),
    };
  }
}

function closeOpen(c: WindowClock, at: number): void {
  if (c.openSince === undefined) return;
  c.openMs += Math.max(0, at - c.openSince);
  delete c.openSince;
}

function closePause(c: WindowClock, at: number): void {
  if (c.pausedSince === undefined || !c.reason) return;
  c.pauseMs[c.reason] = (c.pauseMs[c.reason] ?? 0) + Math.max(0, at - c.pausedSince);
  delete c.pausedSince;
  delete c.reason;
}
