// The staff member at one window through a simulated day: sign in, call, serve (or pass a no-show,
// transfer, put on hold), a short break, lunch, and home once the queue is empty after closing time.
import type { HallConfig, Outcome, ServiceWindow } from '@yichuang/shared/domain';
import type { Command } from '../../../hub/src/engine/index.js';
import type { JournalActor } from '../../../hub/src/storage/journal.js';
import type { EngineRunner } from './engine-runner.js';
import { OUTCOME_SHARE, RATES, SERVICE_MINUTES, TRANSFER_TO, type PlanCategory } from './hall-plan.js';
import type { Random } from './random.js';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;

/** What a window needs from the day it is part of. */
export interface Day {
  runner: EngineRunner;
  config: HallConfig;
  rng: Random;
  midnight: number;
  after(now: number, ms: number, action: (now: number) => void): void;
  /** A ticket joined a queue (category) or was sent to a window: idle windows that may take it look up. */
  waiting(now: number, categoryId: string, windowId?: string): void;
  /** A visit ended at this window: its pad asks for a rating. */
  finished(window: ServiceWindow, ticketId: string, now: number): void;
}

/** Local clock times of the window's day, in minutes after midnight. */
export interface Shift {
  signIn: number;
  lunchFrom: number;
  /** Lunch starts once the queue is empty, and at this time at the latest. */
  lunchLatest: number;
  lunchBack: number;
  closeFrom: number;
  closeLatest: number;
  away?: number;
}

export class WindowAgent {
  private readonly actor: JournalActor;
  private readonly staffId: string;
  /** The shift as instants, compared exactly (minutes would round differently on the way back). */
  private readonly shift: Shift;
  /** Only the most recently scheduled step runs, so a window never serves two citizens at once. */
  private generation = 0;
  private idle = false;
  private lunched = false;

  constructor(
    readonly window: ServiceWindow,
    shift: Shift,
    private readonly day: Day,
  ) {
    const at = (minutes: number): number => day.midnight + Math.round(minutes * MINUTE);
    this.shift = Object.fromEntries(Object.entries(shift).map(([k, m]: [string, number]) => [k, at(m)])) as unknown as Shift;
    const nn = String(window.number).padStart(2, '0');
    this.staffId = day.config.staff.find((s) => s.number === `${nn}01`)!.id;
    this.actor = { deviceId: `window-${nn}`, staffId: this.staffId };
    this.schedule(this.shift.signIn, (now) => {
      this.exec({ type: 'signIn', windowId: window.id, staffId: this.staffId }, now);
      this.step(now);
    });
  }

  serves(categoryId: string): boolean {
    return this.window.categories.some((c) => c.categoryId === categoryId);
  }

  /** A ticket this window may take has joined the queue: an idle window calls it shortly. */
  wake(now: number): void {
    if (!this.idle) return;
    this.idle = false;
    this.schedule(now + this.day.rng.between(3, 15) * SECOND, (t) => this.step(t));
  }

  private exec(command: Command, now: number) {
    return this.day.runner.exec(command, this.actor, now);
  }

  private schedule(at: number, action: (now: number) => void): void {
    const generation = ++this.generation;
    this.day.after(at, 0, (now) => {
      if (generation === this.generation) action(now);
    });
  }

  /** The window is free: take a break, go home, or call the next citizen. */
  private step(now: number): void {
    const windowId = this.window.id;
    const state = this.day.runner.state.windows[windowId];
    if (!state || state.status !== 'open' || state.currentTicketId !== undefined) return;
    const shift = this.shift;
    if (shift.away !== undefined && now >= shift.away) {
      delete shift.away;
      this.exec({ type: 'pause', windowId, reason: 'away', note: '临时外出' }, now);
      this.schedule(now + this.day.rng.between(5, 15) * MINUTE, (t) => this.unpause(t));
      return;
    }
    const lunchTime = !this.lunched && now >= shift.lunchFrom && now < shift.lunchBack;
    if (lunchTime && now >= shift.lunchLatest) {
      this.lunch(now);
      return;
    }
    if (now >= shift.closeLatest) {
      this.exec({ type: 'signOut', windowId }, now);
      return;
    }
    if (this.exec({ type: 'callNext', windowId }, now).ok) {
      this.serve(now);
      return;
    }
    if (lunchTime) {
      this.lunch(now);
      return;
    }
    if (now >= shift.closeFrom) {
      this.exec({ type: 'signOut', windowId }, now);
      return;
    }
    // Nobody waiting for this window: it idles until a ticket arrives or the next break is due.
    this.idle = true;
    const due = [shift.away, this.lunched ? undefined : shift.lunchFrom, shift.closeFrom].filter((t): t is number => t !== undefined && t > now);
    this.schedule(Math.min(...due), (t) => {
      this.idle = false;
      this.step(t);
    });
  }

  private lunch(now: number): void {
    this.lunched = true;
    this.exec({ type: 'pause', windowId: this.window.id, reason: 'meal' }, now);
    this.schedule(this.shift.lunchBack, (t) => this.unpause(t));
  }

  private unpause(now: number): void {
    this.exec({ type: 'unpause', windowId: this.window.id }, now);
    this.step(now);
  }

  /** What happens to the citizen just called. */
  private serve(calledAt: number): void {
    const { rng, runner } = this.day;
    const windowId = this.window.id;
    const ticket = runner.state.tickets[runner.state.windows[windowId]!.currentTicketId!]!;
    const next = (t: number): void => this.schedule(t, (n) => this.step(n));

    if (rng.chance(RATES.noShow)) {
      // Recalled twice; the third recall passes the ticket (recall cap 2).
      for (const s of [40, 80, 120]) this.day.after(calledAt, s * SECOND, (t) => this.exec({ type: 'recall', windowId }, t));
      this.day.after(calledAt, 125 * SECOND, next);
      if (rng.chance(RATES.comeBack)) {
        this.day.after(calledAt, rng.between(10, 30) * MINUTE, (t) => {
          if (this.exec({ type: 'requeue', windowId, number: ticket.number }, t).ok) this.day.waiting(t, ticket.categoryId);
        });
      }
      return;
    }

    const startAt = calledAt + rng.between(15, 75) * SECOND;
    this.day.after(startAt, 0, (t) => this.exec({ type: 'start', windowId }, t));
    const transferTo = TRANSFER_TO[ticket.categoryId as PlanCategory];
    if (transferTo && ticket.transfers === 0 && rng.chance(RATES.transfer)) {
      const name = this.day.config.categories.find((c) => c.id === transferTo)!.name;
      this.day.after(startAt, rng.between(1, 3) * MINUTE, (t) => {
        if (this.exec({ type: 'transfer', windowId, toCategoryId: transferTo, note: `转${name}` }, t).ok) this.day.waiting(t, transferTo);
        this.day.after(t, 10 * SECOND, next);
      });
      return;
    }
    if (rng.chance(RATES.hold)) {
      this.day.after(startAt, rng.between(1, 2) * MINUTE, (t) => {
        this.exec({ type: 'hold', windowId, note: '补材料' }, t);
        this.day.after(t, 10 * SECOND, next);
        this.day.after(t, rng.between(5, 20) * MINUTE, (back) => {
          if (this.exec({ type: 'resume', windowId, number: ticket.number }, back).ok) this.day.waiting(back, ticket.categoryId, windowId);
        });
      });
      return;
    }
    const mean = SERVICE_MINUTES[ticket.categoryId as PlanCategory] ?? 2.5;
    this.day.after(startAt, Math.max(0.5, rng.logNormal(mean)) * MINUTE, (t) => {
      const outcome: Outcome = rng.weighted(OUTCOME_SHARE);
      const note = outcome === 'refused' ? '不属于本中心受理范围' : outcome === 'incomplete' ? '缺少户口簿原件，已一次性告知' : undefined;
      if (this.exec({ type: 'finish', windowId, outcome, ...(note && { note }) }, t).ok) this.day.finished(this.window, ticket.id, t);
      this.day.after(t, rng.between(5, 20) * SECOND, next);
    });
  }
}
