// One service day of the synthetic hall on a virtual clock: citizens arrive and take numbers, staff
// call and serve them (window-agent.ts), citizens rate at the pads, the office works the bad-rating
// cases. Every step is an engine command, so the journal it leaves is what the hub would have written.
import type { Category, HallConfig, MaskedIdentity, ServiceDay, ServiceWindow } from '@yichuang/shared/domain';
import { maskPhone } from '@yichuang/shared/identity';
import { isBadLevel, type CaseActor } from '@yichuang/shared/ratings';
import { nextStep } from '../../../hub/src/engine/cases.js';
import type { Command } from '../../../hub/src/engine/index.js';
import { HUB_ACTOR } from '../../../hub/src/hall/hall-service.js';
import type { EngineRunner } from './engine-runner.js';
import { ARRIVAL_PROFILE, CASE_ROUND_MINUTES, CATEGORY_SHARE, RATES, RATING, WEEKEND, WEEKEND_SHARE_PER_WINDOW, type PlanCategory } from './hall-plan.js';
import { Random, seedOf } from './random.js';
import { Timeline } from './timeline.js';
import { MINUTE, SECOND, WindowAgent, type Day, type Shift } from './window-agent.js';

export type DayKind = 'workday' | 'weekend' | 'closed';

export interface DaySpec {
  day: ServiceDay;
  kind: DayKind;
  /** The instant of local midnight. */
  midnight: number;
  ticketsPerWorkday: number;
  /** Nothing after this instant happens (today stops at the real clock). */
  until: number;
}

const OFFICE: CaseActor = { deviceId: 'console-1', name: '林雪梅' };
const CLOSING_CANCEL = 17 * 60 + 45;

type Issue = Extract<Command, { type: 'issue' }>;

/** The day's draws come from seeds of its date, so it comes out the same whichever block simulates it. */
export function simulateDay(runner: EngineRunner, config: HallConfig, spec: DaySpec): void {
  runner.beginDay(spec.day);
  if (spec.kind !== 'closed') new DaySimulation(runner, config, spec).run();
}

class DaySimulation implements Day {
  private readonly timeline = new Timeline();
  private readonly categories: Map<string, Category>;
  private readonly agents: WindowAgent[] = [];
  readonly midnight: number;
  readonly rng: Random;

  constructor(
    readonly runner: EngineRunner,
    readonly config: HallConfig,
    private readonly spec: DaySpec,
  ) {
    this.categories = new Map(config.categories.map((c) => [c.id, c]));
    this.midnight = spec.midnight;
    this.rng = new Random(seedOf(spec.day));
  }

  run(): void {
    const weekend = this.spec.kind === 'weekend';
    const open = weekend ? this.config.windows.filter((w) => WEEKEND.some((x) => x.windowId === w.id)) : this.config.windows;
    for (const w of open) this.agents.push(new WindowAgent(w, this.shift(weekend), this));
    if (weekend) this.planAppointments();
    else {
      this.planArrivals();
      this.at(CASE_ROUND_MINUTES, (now) => this.workCases(now));
    }
    // Whoever is still waiting at closing time is not served today.
    this.at(CLOSING_CANCEL, (now) => this.cancelLeftovers(now));
    this.timeline.runUntil(this.spec.until);
  }

  after(now: number, ms: number, action: (now: number) => void): void {
    this.timeline.add(Math.round(now + ms), action);
  }

  private at(minutes: number, action: (now: number) => void): void {
    this.after(this.midnight, minutes * MINUTE, action);
  }

  waiting(now: number, categoryId: string, windowId?: string): void {
    for (const agent of this.agents) {
      if (windowId === undefined ? agent.serves(categoryId) : agent.window.id === windowId) agent.wake(now);
    }
  }

  private shift(weekend: boolean): Shift {
    const rng = this.rng;
    const shift: Shift = {
      signIn: 8 * 60 + 50 + rng.between(0, 9),
      lunchFrom: 12 * 60,
      lunchLatest: 12 * 60 + 20,
      lunchBack: weekend ? 12 * 60 + 40 : 13 * 60 + 25 + rng.between(0, 5),
      closeFrom: 17 * 60,
      closeLatest: 17 * 60 + 30,
    };
    if (rng.chance(RATES.away)) shift.away = rng.pick([10 * 60, 14 * 60 + 30]) + rng.between(0, 90);
    return shift;
  }

  // ---- citizens

  private planArrivals(): void {
    const rng = this.rng;
    const count = Math.round(this.spec.ticketsPerWorkday * rng.between(0.9, 1.1));
    const total = ARRIVAL_PROFILE.reduce((a, s) => a + s.weight, 0);
    for (const slot of ARRIVAL_PROFILE) {
      const n = Math.round((count * slot.weight) / total);
      for (let i = 0; i < n; i++) {
        const categoryId = rng.weighted(CATEGORY_SHARE);
        this.at(slot.from + rng.between(0, 30), (now) => this.arrive(now, categoryId));
      }
    }
  }

  /** 周末不打烊: booked on the quarter hour between 09:00 and 16:45; they come a little early. */
  private planAppointments(): void {
    const rng = this.rng;
    const perWindow = Math.round(this.spec.ticketsPerWorkday * WEEKEND_SHARE_PER_WINDOW);
    for (const { categoryId } of WEEKEND) {
      for (let i = 0; i < perWindow; i++) {
        const due = 9 * 60 + 15 * rng.int(0, 31);
        const dueAt = this.midnight + due * MINUTE;
        this.at(due - rng.between(0, 20), (now) => this.issue(now, { type: 'issue', categoryId, priority: 'appointment', source: 'appointment', kioskId: 'kiosk-1', dueAt }));
      }
    }
  }

  private arrive(now: number, categoryId: PlanCategory): void {
    const rng = this.rng;
    let command: Issue;
    if (rng.chance(RATES.appointment)) {
      const dueAt = Math.ceil((now + 5 * MINUTE) / (15 * MINUTE)) * 15 * MINUTE;
      command = { type: 'issue', categoryId, priority: 'appointment', source: 'appointment', kioskId: 'kiosk-1', dueAt };
    } else {
      const terminal = rng.chance(RATES.terminal24);
      const priority = this.categories.get(categoryId)!.allowPriority && rng.chance(RATES.green) ? 'green' : 'normal';
      command = { type: 'issue', categoryId, priority, source: terminal ? 'terminal24' : 'kiosk', kioskId: terminal ? 'terminal24-1' : rng.pick(['kiosk-1', 'kiosk-2']) };
    }
    if (rng.chance(RATES.identity)) command.identity = this.phone();
    this.issue(now, command);
  }

  private issue(now: number, command: Issue): void {
    const issued = this.runner.exec(command, { deviceId: command.kioskId ?? 'kiosk-1' }, now);
    const event = issued.ok ? issued.events.find((e) => e.type === 'ticket.issued') : undefined;
    if (event?.type !== 'ticket.issued') return;
    this.waiting(now, command.categoryId);
    if (!this.rng.chance(RATES.cancel)) return;
    this.after(now, this.rng.between(10, 40) * MINUTE, (t) => {
      this.runner.exec({ type: 'cancel', number: event.number, note: '不等了 / left', override: true }, { deviceId: 'console-1' }, t);
    });
  }

  private phone(): MaskedIdentity {
    return { kind: 'phone', masked: maskPhone(`13${this.rng.int(100_000_000, 999_999_999)}`) };
  }

  private cancelLeftovers(now: number): void {
    const state = this.runner.state;
    for (const id in state.tickets) {
      const t = state.tickets[id]!;
      if (t.state !== 'waiting' && t.state !== 'on-hold') continue;
      this.runner.exec({ type: 'cancel', number: t.number, note: '当日未办结 / not served today', override: true }, { deviceId: 'console-1' }, now);
    }
  }

  // ---- 好差评

  /** The citizen rates on the window's pad, or walks away and the hub's pad timer records 未评价. */
  finished(w: ServiceWindow, ticketId: string, finishedAt: number): void {
    const rng = this.rng;
    const windowId = w.id;
    if (!rng.chance(RATING.participation)) {
      this.after(finishedAt, this.config.evaluation.padTimeoutSeconds * SECOND, (t) => this.runner.exec({ type: 'expireRating', windowId, ticketId }, HUB_ACTOR, t));
      return;
    }
    const level = rng.weighted(RATING.levels);
    const reasons = isBadLevel(level) ? [rng.pick(this.config.evaluation.badReasons)] : [];
    const pad = { deviceId: `pad-${String(w.number).padStart(2, '0')}` };
    this.after(finishedAt, rng.between(5, 40) * SECOND, (t) => this.runner.exec({ type: 'rate', windowId, ticketId, level, reasons }, pad, t));
  }

  /** Moves every open bad-rating case one step on: verify, rectify, follow up, close. */
  private workCases(now: number): void {
    const by = OFFICE;
    const actor = { deviceId: by.deviceId };
    for (const c of Object.values(this.runner.state.evaluation?.cases ?? {})) {
      const caseId = c.id;
      // Seeded by the case and step, so a case's story does not depend on which others are open.
      const chance = (step: string, p: number): boolean => new Random(seedOf(`${caseId}/${step}`)).chance(p);
      switch (nextStep(c)) {
        case 'verify': {
          const verdict = chance('verify', RATING.unfounded) ? 'unfounded' : 'confirmed';
          this.runner.exec({ type: 'verifyCase', caseId, verdict, notes: '调取录像并询问窗口人员', by }, actor, now);
          break;
        }
        case 'rectify':
          this.runner.exec({ type: 'rectifyCase', caseId, measures: '窗口人员谈话提醒，完善一次性告知单', by }, actor, now);
          break;
        case 'followUp':
          this.runner.exec({ type: 'followUpCase', caseId, result: chance('followUp', 0.8) ? 'satisfied' : 'unreachable', notes: '电话回访', by }, actor, now);
          break;
        case 'close':
          this.runner.exec({ type: 'closeCase', caseId, by }, actor, now);
          break;
        case null:
          break;
      }
    }
  }
}
