// A small hall for the engine's tests, and helpers to drive it on a virtual clock.
import type { Category, HallConfig, QueueRules, ServiceWindow, Staff, Ticket, TimeRange, WeekHours, WindowState } from '@yichuang/shared/domain';
import { clockMinutes, zonedInstant } from '@yichuang/shared/time';
import { decide } from './decide.js';
import { evolve } from './evolve.js';
import type { CommandOf } from './guards.js';
import { initialState } from './state.js';
import type { Command, DecideContext, DomainError, EngineEvent, EngineState } from './types.js';

const TZ = 'Asia/Shanghai';
export const MINUTE = 60_000;

/** The instant the hall's clock shows 'YYYY-MM-DD HH:MM'. 2026-11-23 is a Monday. */
export function local(stamp: string): number {
  const [day = '', clock = ''] = stamp.split(' ');
  return zonedInstant(day, clockMinutes(clock), TZ);
}

const range = (start: string, end: string): TimeRange => ({ start, end });
const week = (weekday: TimeRange[], weekend: TimeRange[] = []): WeekHours => [weekend, weekday, weekday, weekday, weekday, weekday, weekend];
const NONE = week([]);

const HALL_HOURS = week([range('09:00', '12:00'), range('13:30', '17:00')]);

function category(id: string, prefix: string, name: string, extra: Partial<Category> = {}): Category {
  return { id, prefix, name, nameEn: id, department: 'hall', allowWalkIn: true, allowAppointment: true, allowPriority: true, ...extra };
}

function serviceWindow(id: string, number: number, categories: Record<string, number>, extra: Partial<ServiceWindow> = {}): ServiceWindow {
  return {
    id,
    number,
    name: `${number}号窗口`,
    nameEn: `Window ${number}`,
    kind: 'department',
    department: 'hall',
    categories: Object.entries(categories).map(([categoryId, weight]) => ({ categoryId, weight })),
    ...extra,
  };
}

function staffMember(id: string): Staff {
  return { id, number: id.toUpperCase(), name: `员工${id}`, department: 'hall', title: '科员', pinHash: 'x', roles: ['staff'] };
}

export const CATEGORIES: Category[] = [
  category('general', 'A', '综合受理'),
  category('estate', 'B', '房产事务', { allowPriority: false, dailyCap: 5 }),
  category('social', 'C', '社保医保', { slotQuota: { minutes: 30, max: 3 } }),
  category('tax', 'T', '税务', { hours: week([range('10:00', '16:00')]) }),
  // 周末不打烊: walk-in on weekdays, appointments only on weekends.
  category('weekend', 'W', '不动产登记', { appointmentHours: week([], [range('09:00', '17:00')]) }),
  category('booking', 'K', '出入境', { allowWalkIn: false }),
  // High-frequency items of the 24-hour self-service zone.
  category('self', 'S', '自助服务', { hours: week([range('00:00', '24:00')], [range('00:00', '24:00')]) }),
  category('closed', 'X', '暂停办理', { hours: NONE }),
];

const WINDOWS: ServiceWindow[] = [
  serviceWindow('w1', 1, { general: 2, estate: 1, social: 1 }, { kind: 'comprehensive' }),
  serviceWindow('w2', 2, { general: 1, social: 2 }),
  serviceWindow('w3', 3, { estate: 3 }),
  serviceWindow('w4', 4, { tax: 1, weekend: 1, booking: 1 }),
  serviceWindow('w5', 5, { general: 1, estate: 1, social: 1, tax: 1, weekend: 1, self: 1 }, { kind: 'tidal' }),
];

type ConfigOverrides = Partial<Omit<HallConfig, 'rules'>> & { rules?: Partial<QueueRules> };

export function makeConfig(overrides: ConfigOverrides = {}): HallConfig {
  const { rules, ...rest } = overrides;
  const windows = rest.windows ?? WINDOWS;
  return {
    schemaVersion: 3,
    hall: {
      id: 'hall-1',
      name: '示范区政务服务中心',
      nameEn: 'Demo District Government Service Centre',
      address: '示范路1号',
      timeZone: TZ,
      schedule: { hours: HALL_HOURS, holidays: [], makeupWorkdays: [] },
      zones: [{ id: 'h24', name: '24小时自助区', nameEn: '24-hour zone' }],
    },
    categories: CATEGORIES,
    windows,
    staff: windows.map((w) => staffMember(`s${w.number}`)),
    devices: [],
    rules: { priorityBurst: 3, recallCap: 2, noShowRequeuePlaces: 3, appointmentEarlyMinutes: 15, ...rules },
    evaluation: { badReasons: ['服务态度', '其他'], padTimeoutSeconds: 60, caseDeadlines: { verifyDays: 1, rectifyDays: 5, followUpDays: 10 }, platform: { profile: 'national', regionCode: '330106', channelCodes: { pad: '1', kiosk: '2', phone: '3' }, endpoint: '' } },
    retention: { personalDataDays: 365 },
    ...rest,
  };
}

/** A config whose hall schedule is replaced, e.g. to add holidays. */
export function withSchedule(config: HallConfig, schedule: Partial<HallConfig['hall']['schedule']>): HallConfig {
  return { ...config, hall: { ...config.hall, schedule: { ...config.hall.schedule, ...schedule } } };
}

/** Decides and evolves each command in turn; throws on the first refusal. */
export function run(state: EngineState, commands: readonly Command[], ctx: DecideContext): { state: EngineState; events: EngineEvent[] } {
  const events: EngineEvent[] = [];
  for (const command of commands) {
    const decision = decide(state, command, ctx);
    if (!decision.ok) throw new Error(`${command.type} refused: ${JSON.stringify(decision.error)}`);
    for (const e of decision.events) state = evolve(state, e);
    events.push(...decision.events);
  }
  return { state, events };
}

/**
 * Drives a hall on a virtual clock: each command is decided and evolved at `now`.
 * `run` throws on a refusal, so a test never carries on from a state it did not mean.
 */
export class Hall {
  state: EngineState = initialState();

  constructor(
    readonly config: HallConfig = makeConfig(),
    public now: number = local('2026-11-23 09:00'),
  ) {}

  /** Moves the clock forward. */
  wait(minutes: number): this {
    this.now += minutes * MINUTE;
    return this;
  }

  at(stamp: string): this {
    this.now = local(stamp);
    return this;
  }

  run(...commands: Command[]): EngineEvent[] {
    const result = run(this.state, commands, { now: this.now, config: this.config });
    this.state = result.state;
    return result.events;
  }

  /** Runs a command if it is accepted; a refused one leaves no events. */
  attempt(command: Command): EngineEvent[] {
    const decision = decide(this.state, command, { now: this.now, config: this.config });
    if (!decision.ok) return [];
    for (const e of decision.events) this.state = evolve(this.state, e);
    return decision.events;
  }

  /** The refusal a command gets; throws if it is accepted. State is left untouched. */
  refusal(command: Command): DomainError {
    const decision = decide(this.state, command, { now: this.now, config: this.config });
    if (decision.ok) throw new Error(`${command.type} accepted: ${JSON.stringify(decision.events)}`);
    return decision.error;
  }

  /** Issues walk-in tickets (unless `extra` says otherwise); returns their numbers. */
  issue(categoryId: string, count = 1, extra: Partial<CommandOf<'issue'>> = {}): string[] {
    const numbers: string[] = [];
    for (let i = 0; i < count; i++) {
      for (const e of this.run({ type: 'issue', categoryId, priority: 'normal', source: 'kiosk', ...extra })) {
        if (e.type === 'ticket.issued') numbers.push(e.number);
      }
    }
    return numbers;
  }

  /** Signs in staff s<n> at window w<n> for each n. */
  open(...numbers: number[]): this {
    for (const n of numbers) this.run({ type: 'signIn', windowId: `w${n}`, staffId: `s${n}` });
    return this;
  }

  /** Calls next at a window; returns the called number. */
  callNext(windowId: string): string {
    const called = this.run({ type: 'callNext', windowId }).find((e) => e.type === 'ticket.called');
    if (called?.type !== 'ticket.called') throw new Error('no call');
    return this.ticket(called.ticketId).number;
  }

  ticket(idOrNumber: string): Ticket {
    const t = this.state.tickets[idOrNumber] ?? this.state.tickets[this.state.byNumber[idOrNumber] ?? ''];
    if (!t) throw new Error(`no ticket ${idOrNumber}`);
    return t;
  }

  window(windowId: string): WindowState {
    const w = this.state.windows[windowId];
    if (!w) throw new Error(`no window state ${windowId}`);
    return w;
  }
}
