// The report from columnar roll-ups equals the report worked out the plain way — every ticket's facts
// in a list, grouped, every duration sorted — with durations taken to the second, for groups small and large.
import { describe, expect, it } from 'vitest';
import { OUTCOMES, PAUSE_REASONS, type PriorityClass, type TicketSource } from '@yichuang/shared/domain';
import { LEVEL_CODE, type Rating, type RatingLevel } from '@yichuang/shared/ratings';
import { WAIT_BUCKETS_MIN, type DurationStats, type TicketFigures } from '@yichuang/shared/reports';
import { weekdayOf } from '@yichuang/shared/time';
import { ratingFigures } from './evaluation-figures.js';
import type { TicketEnd, TicketFact, WindowFact } from './facts.js';
import { windowFigures } from './figures.js';
import { buildReport } from './report.js';
import { decodeRatings, decodeTickets, DURATION_KEYS, encodeRatings, encodeTickets, reviveRollup, ROLLUP_VERSION, type DayRollup } from './rollup.js';
import { reportDay, reportRollupFrom } from './report-day.js';
import { reportRollupOf, rollupJson } from './rollup-store.js';

const MINUTE = 60_000;
/** Rating times count from the service day's start; any instant serves here. */
const DAY_START = Date.UTC(2026, 10, 22, 16);

function random(seed: number): () => number {
  let x = seed;
  return () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

/** A day of made-up tickets; durations in milliseconds that are not whole seconds. */
function day(date: string, tickets: number, seed: number): { rollup: DayRollup; facts: TicketFact[]; ratings: Rating[] } {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const ms = (meanMin: number): number => Math.round(-Math.log(1 - r()) * meanMin * MINUTE);
  const facts: TicketFact[] = [];
  const ratings: Rating[] = [];
  for (let i = 0; i < tickets; i++) {
    const end = pick<TicketEnd>(['finished', 'finished', 'finished', 'no-show', 'cancelled', 'open']);
    const f: TicketFact = {
      number: `A${i}`,
      category: pick(['c1', 'c2', 'c10', 'rare']),
      source: pick<TicketSource>(['kiosk', 'kiosk', 'appointment', 'phone']),
      priority: pick<PriorityClass>(['normal', 'normal', 'green']),
      issued: 8 * 3600 + Math.floor(r() * 10 * 3600),
      end,
      called: end !== 'cancelled' && end !== 'open',
      transfers: r() < 0.1 ? 1 : 0,
      holds: r() < 0.1 ? 2 : 0,
    };
    if (f.called) {
      f.wait = r() < 0.02 ? 5 * 3600 * 1000 + ms(60) : ms(15);
      f.totalWait = f.wait + (f.transfers ? ms(3) : 0);
      f.window = pick(['w1', 'w2', 'w10']);
      if (r() < 0.9) f.staff = pick(['s1', 's2']);
    }
    if (end === 'open') f.uncalledWait = ms(25); // still waiting, never called
    if (end === 'finished') {
      f.walk = ms(1);
      f.service = ms(10);
      f.stay = f.totalWait! + f.walk + f.service;
      f.outcome = pick(OUTCOMES);
      if (r() < 0.8) {
        const level = pick<RatingLevel | 'unrated'>(['very-satisfied', 'satisfied', 'basic', 'dissatisfied', 'unrated']);
        const finishedAt = DAY_START + f.issued * 1000 + f.stay!;
        const rated = { ticketId: `${date}/${f.number}`, ticketNumber: f.number, categoryId: f.category, windowId: f.window!, staffId: f.staff ?? 's9', finishedAt, at: finishedAt + ms(1) };
        ratings.push({ ...rated, channel: pick(['pad', 'kiosk', 'phone'] as const), level, ...(level !== 'unrated' && { code: LEVEL_CODE[level] }), reasons: level === 'dissatisfied' ? ['服务态度'] : [] });
      }
    }
    facts.push(f);
  }
  // A window no finished visit was counted at, rated all the same (its visit finished the day before).
  if (tickets > 0) ratings.push({ ticketId: `${date}/Z1`, ticketNumber: 'Z1', categoryId: 'c1', windowId: 'w99', staffId: 's99', channel: 'pad', finishedAt: DAY_START, at: DAY_START, level: 'basic', code: 3, reasons: [] });
  const windows: WindowFact[] = ['w1', 'w2', 'w5'].map((w) => ({ window: w, openMs: 3 * 3600_000, servingMs: Math.floor(r() * 3 * 3600_000), pauseMs: { [pick(PAUSE_REASONS)]: 60_000 } }));
  const rollup: DayRollup = { v: ROLLUP_VERSION, hall: 'h', day: date, seq: 1, weekday: weekdayOf(date), tickets: encodeTickets(facts), windows, ratings: encodeRatings(ratings, DAY_START), cases: [], appointments: [], kiosks: [] };
  return { rollup, facts, ratings };
}

// ---- the plain way, as the report was computed before roll-up version 3 ----

function durationStats(values: number[], thresholdMs: number): DurationStats {
  if (values.length === 0) return { n: 0, mean: 0, p50: 0, p90: 0, max: 0, overThreshold: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number): number => sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1]!;
  return {
    n: sorted.length,
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
    p50: at(0.5),
    p90: at(0.9),
    max: sorted.at(-1)!,
    overThreshold: sorted.filter((v) => v > thresholdMs).length / sorted.length,
  };
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

function ticketFigures(facts: TicketFact[], thresholdMs: number): TicketFigures {
  const count = (end: TicketEnd): number => facts.filter((f) => f.end === end).length;
  // Durations to the second, as roll-ups keep them.
  const values = (key: (typeof DURATION_KEYS)[number]): number[] => facts.flatMap((f) => (f[key] === undefined ? [] : [Math.round(f[key] / 1000) * 1000]));
  const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, facts.filter((f) => f.outcome === o).length])) as TicketFigures['outcomes'];
  return {
    issued: facts.length,
    finished: count('finished'),
    noShow: count('no-show'),
    cancelled: count('cancelled'),
    open: count('open'),
    transfers: facts.reduce((s, f) => s + f.transfers, 0),
    holds: facts.reduce((s, f) => s + f.holds, 0),
    noShowRate: ratio(count('no-show'), facts.filter((f) => f.called).length),
    wait: durationStats(values('wait'), thresholdMs),
    totalWait: durationStats(values('totalWait'), thresholdMs),
    walk: durationStats(values('walk'), thresholdMs),
    service: durationStats(values('service'), thresholdMs),
    stay: durationStats(values('stay'), thresholdMs),
    uncalledWait: durationStats(values('uncalledWait'), thresholdMs),
    outcomes,
    doneShare: ratio(outcomes.done, count('finished')),
  };
}

function groupBy<T, R>(rows: T[], key: (row: T) => string | undefined, figures: (rows: T[]) => R): Record<string, R> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k !== undefined) groups.set(k, [...(groups.get(k) ?? []), row]);
  }
  return Object.fromEntries([...groups].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })).map(([k, g]) => [k, figures(g)]));
}

describe('a report from columnar roll-ups', () => {
  const made = [day('2026-11-23', 3000, 1), day('2026-11-24', 40, 2), day('2026-11-25', 0, 3), day('2026-11-26', 700, 4)];
  const days = made.map((d) => d.rollup);
  const thresholdMs = 30 * MINUTE + 500;
  const report = buildReport(days, { from: '2026-11-23', to: '2026-11-26' }, thresholdMs, { later: [], today: '2026-11-27' });

  it('equals the report over every ticket, sorted — total, by day, service, source, priority, window, staff', () => {
    const tickets = days.flatMap((d) => decodeTickets(d.tickets).map((t) => ({ ...t, day: d.day })));
    const figures = (rows: TicketFact[]): TicketFigures => ticketFigures(rows, thresholdMs);
    expect(report.total).toEqual(figures(tickets));
    expect(report.total.issued).toBe(3740);
    expect(report.byDay).toEqual(groupBy(tickets, (t) => t.day, figures));
    expect(Object.keys(report.byDay)).toEqual(['2026-11-23', '2026-11-24', '2026-11-26']);
    expect(report.byCategory).toEqual(groupBy(tickets, (t) => t.category, figures));
    expect(Object.keys(report.byCategory)).toEqual(['c1', 'c2', 'c10', 'rare']);
    expect(report.bySource).toEqual(groupBy(tickets, (t) => t.source, figures));
    expect(report.byPriority).toEqual(groupBy(tickets, (t) => t.priority, figures));
    expect(report.byStaff).toEqual(groupBy(tickets, (t) => t.staff, figures));
    const byWindowTime = groupBy(days.flatMap((d) => d.windows), (w) => w.window, windowFigures);
    const byWindowTickets = groupBy(tickets, (t) => t.window, figures);
    expect(Object.keys(report.byWindow)).toEqual(['w1', 'w10', 'w2', 'w5']);
    for (const id of Object.keys(report.byWindow)) {
      expect(report.byWindow[id]).toEqual({ ...(byWindowTickets[id] ?? figures([])), time: byWindowTime[id] ?? windowFigures([]) });
    }
    expect(report.windowTotal).toEqual(windowFigures(days.flatMap((d) => d.windows)));
    // "一窗"分类受理率 with w1 and w10 comprehensive: intake = finished visits but 咨询.
    const intake = tickets.filter((t) => t.end === 'finished' && t.outcome !== 'enquiry');
    const one = buildReport(days, { from: '2026-11-23', to: '2026-11-26' }, thresholdMs, { later: [], today: '2026-11-27' }, ['w1', 'w10']).oneWindow;
    const at = intake.filter((t) => t.window === 'w1' || t.window === 'w10').length;
    expect(one).toEqual({ intake: intake.length, atComprehensive: at, rate: at / intake.length });
    expect(intake.length).toBeLessThan(tickets.filter((t) => t.end === 'finished').length); // some were 咨询
    expect(report.days).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26']); // the third had windows open
  });

  it('keeps durations to the second: the facts in, rounded to the second, come back out', () => {
    const facts = made[0]!.facts;
    const back = decodeTickets(days[0]!.tickets);
    expect(back).toHaveLength(facts.length);
    back.forEach((t, i) => {
      const f = facts[i]!;
      for (const key of DURATION_KEYS) expect(t[key]).toBe(f[key] === undefined ? undefined : Math.round(f[key] / 1000) * 1000);
      const noDurations = Object.fromEntries(DURATION_KEYS.map((k) => [k, 0]));
      expect({ ...t, ...noDurations }).toEqual({ ...f, ...noDurations });
    });
  });

  it('counts arrivals by hour and weekday, waits by bucket, and ratings by window and staff as before', () => {
    const rows = days.flatMap((d) => decodeTickets(d.tickets).map((t) => ({ ...t, weekday: d.weekday })));
    const byHour = Array.from({ length: 24 }, (_, h) => rows.filter((t) => Math.floor(t.issued / 3600) === h).length);
    expect(report.issuedByHour).toEqual(byHour);
    expect(report.arrivalsHeat[1]).toEqual(Array.from({ length: 24 }, (_, h) => rows.filter((t) => t.weekday === 1 && Math.floor(t.issued / 3600) === h).length));
    const bucket = (wait: number): number => {
      const b = WAIT_BUCKETS_MIN.findIndex((limit) => wait <= limit * MINUTE);
      return b === -1 ? WAIT_BUCKETS_MIN.length : b;
    };
    expect(report.waitDistribution).toEqual(Array.from({ length: WAIT_BUCKETS_MIN.length + 1 }, (_, b) => rows.filter((t) => t.wait !== undefined && bucket(t.wait) === b).length));

    const ratings = made.flatMap((d) => d.ratings);
    const finished = rows.filter((t) => t.end === 'finished');
    expect(report.ratings).toEqual(ratingFigures(ratings, finished.length));
    const places = (key: (r: Rating) => string, visitKey: (t: TicketFact) => string | undefined) => {
      const visits = groupBy(finished, visitKey, (g) => g.length);
      const rated = groupBy(ratings, key, (g) => g);
      const ids = [...new Set([...Object.keys(visits), ...Object.keys(rated)])].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
      return Object.fromEntries(ids.map((id) => [id, ratingFigures(rated[id] ?? [], visits[id] ?? 0)]));
    };
    expect(report.ratingsByWindow).toEqual(places((r) => r.windowId, (t) => t.window));
    expect(report.ratingsByWindow.w99).toMatchObject({ visits: 0, rated: 3, participation: null });
    expect(report.ratingsByStaff).toEqual(places((r) => r.staffId, (t) => t.staff));
  });

  it('stores a day as JSON that reads back the same, one line per column, ASCII only', () => {
    const [first, ...rest] = made[3]!.ratings;
    const ratings = [{ ...first!, level: 'dissatisfied' as const, code: 2, reasons: ['服务态度'], text: '等太久 😀', contact: { kind: 'phone' as const, masked: '138****5678' } }, ...rest];
    const rollup = { ...days[3]!, ratings: encodeRatings(ratings, DAY_START) };
    const text = rollupJson(rollup);
    const back = reviveRollup(JSON.parse(text));
    expect(back).toEqual(rollup);
    expect(decodeRatings(back.ratings, back.day)).toEqual(ratings); // every field of every record, exactly
    expect(decodeTickets(back.tickets)).toEqual(decodeTickets(days[3]!.tickets));
    // What a report reads of it, from the lines as laid out: the same, without what it skips.
    const view = reportRollupOf(text);
    expect(view && reportDay(view)).toEqual(reportDay(reportRollupFrom(rollup)));
    expect(view?.tickets).not.toHaveProperty('number');
    expect(Object.keys(view?.ratings ?? {}).sort()).toEqual(['length', 'level', 'staff', 'staffIds', 'window', 'windowIds']);
    expect(reportRollupOf(JSON.stringify(JSON.parse(text)))).toBeUndefined(); // laid out otherwise: read whole
    expect(reportRollupOf(text.replace(`"v": ${ROLLUP_VERSION},`, '"v": 4,'))).toBeNull(); // another version: rebuild
    expect(text).not.toMatch(/[^ -~\n]/); // printable ASCII and newlines only
    expect(text).toMatch(/\n {2}"seq": 1,\n/);
    expect(text.split('\n').find((l) => l.startsWith('    "wait": '))).toMatch(/^ {4}"wait": "[A-Za-z0-9+/]+=*",?$/);
  });
});
