// "The district report equals the sum of the halls' own reports" (issue 21), as one check the
// federation tests run after each fault: each hall's part of GET /api/district/report equals that
// hall's own GET /api/reports, and the district's figures are the halls' summed (counts) or worked out
// again from the sums (rates), for the figures the district projects.
import type { AppointmentFigures, ItemFigures, Report, TicketFigures, UptimeFigures, WindowFigures } from '@yichuang/shared/reports';
import { expect } from 'vitest';
import { ratingFiguresOf } from '../../hub/src/stats/evaluation-figures.js';
import { DEMO_DISTRICT_TOKEN } from '../../district/src/server.js';

const CONSOLE = { authorization: 'Bearer demo-console-1' };
const DISTRICT = { authorization: `Bearer ${DEMO_DISTRICT_TOKEN}` };

async function getData<T>(url: string, headers: Record<string, string>): Promise<T> {
  const res = await fetch(url, { headers });
  const body = (await res.json()) as { ok: boolean; data: T; error?: unknown };
  if (!body.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(body.error)}`);
  return body.data;
}

export interface DistrictAnswer {
  district: Report;
  halls: (Report & { id: string; name: string })[];
}


const NO_WAIT = { mean: 0, p50: 0, p90: 0, max: 0, overThreshold: 0 };
const NO_UPTIME: UptimeFigures = { kiosks: 0, dueMs: 0, upMs: 0, uptime: null };
const NO_TIME: WindowFigures = { openMs: 0, servingMs: 0, utilisation: 0, pauseMs: { away: 0, meal: 0, meeting: 0, training: 0, other: 0 } };

/**
 * The report without what runs to "now" today (waits of tickets never called, open windows and
 * services), for halls whose clock is not the district's: only the count of those tickets is kept.
 */
function withoutNow(r: Report): Report {
  const f = (t: TicketFigures): TicketFigures => ({ ...t, uncalledWait: { ...t.uncalledWait, ...NO_WAIT } });
  const each = <T extends TicketFigures>(g: Record<string, T>, more: Partial<T> = {}): Record<string, T> => Object.fromEntries(Object.entries(g).map(([k, t]) => [k, { ...f(t), ...more } as T]));
  return {
    ...r,
    total: f(r.total),
    windowTotal: NO_TIME,
    byDay: each(r.byDay),
    byCategory: each(r.byCategory),
    bySource: each(r.bySource),
    byPriority: each(r.byPriority),
    byWindow: each(r.byWindow, { time: NO_TIME }),
    byStaff: each(r.byStaff),
    uptime: { kiosks: NO_UPTIME, terminals24: NO_UPTIME, byKiosk: {} },
  };
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const COUNTS = ['issued', 'finished', 'noShow', 'cancelled', 'open', 'transfers', 'holds'] as const;

function expectSummed(district: TicketFigures, halls: readonly TicketFigures[]): void {
  for (const k of COUNTS) expect(district[k], k).toBe(sum(halls.map((h) => h[k])));
  for (const o of Object.keys(district.outcomes) as (keyof TicketFigures['outcomes'])[]) expect(district.outcomes[o]).toBe(sum(halls.map((h) => h.outcomes[o])));
  for (const d of ['wait', 'totalWait', 'walk', 'service', 'stay', 'uncalledWait'] as const) {
    const n = sum(halls.map((h) => h[d].n));
    expect(district[d].n, d).toBe(n);
    if (n === 0) continue;
    expect(district[d].max).toBe(Math.max(...halls.map((h) => h[d].max)));
    expect(district[d].mean).toBeCloseTo(sum(halls.map((h) => h[d].mean * h[d].n)) / n, 6);
    expect(district[d].overThreshold).toBeCloseTo(sum(halls.map((h) => h[d].overThreshold * h[d].n)) / n, 9);
    // A percentile of the whole lies between the halls' own.
    for (const p of ['p50', 'p90'] as const) {
      const own = halls.filter((h) => h[d].n > 0).map((h) => h[d][p]);
      expect(district[d][p]).toBeGreaterThanOrEqual(Math.min(...own));
      expect(district[d][p]).toBeLessThanOrEqual(Math.max(...own));
    }
  }
  expect(district.doneShare).toBeCloseTo(district.finished === 0 ? 0 : district.outcomes.done / district.finished, 12);
}

/**
 * Checks the district's report of the period against the halls' own; answers it for further checks.
 * `sameClock`: the halls and the district read one clock, so what runs to "now" today is compared too.
 */
export async function expectDistrictEqualsHalls(districtUrl: string, halls: readonly { id: string; url: string }[], from: string, to: string, sameClock = false): Promise<DistrictAnswer> {
  const asked = await getData<DistrictAnswer>(`${districtUrl}/api/district/report?from=${from}&to=${to}`, DISTRICT);
  const ownAsked = await Promise.all(halls.map((h) => getData<Report>(`${h.url}/api/reports?from=${from}&to=${to}`, CONSOLE)));
  const answer = sameClock ? asked : { district: withoutNow(asked.district), halls: asked.halls.map((h) => ({ ...h, ...withoutNow(h) })) };
  const own = sameClock ? ownAsked : ownAsked.map(withoutNow);
  halls.forEach((h, i) => {
    const part = answer.halls.find((x) => x.id === h.id);
    expect(part, `${h.id} in the district report`).toBeDefined();
    const { id: _id, name: _name, ...report } = part!;
    expect(report, `${h.id}: district report = the hall's own`).toEqual(own[i]!);
  });

  const d = answer.district;
  expectSummed(d.total, own.map((r) => r.total));
  for (const day of new Set(own.flatMap((r) => Object.keys(r.byDay)))) expectSummed(d.byDay[day]!, own.flatMap((r) => (r.byDay[day] ? [r.byDay[day]] : [])));
  for (const cat of new Set(own.flatMap((r) => Object.keys(r.byCategory)))) expectSummed(d.byCategory[cat]!, own.flatMap((r) => (r.byCategory[cat] ? [r.byCategory[cat]] : [])));
  // Windows and staff keep their hall: hall/w01.
  halls.forEach((h, i) => {
    for (const [id, f] of Object.entries(own[i]!.byWindow)) expect(d.byWindow[`${h.id}/${id}`]).toEqual(f);
    for (const [id, f] of Object.entries(own[i]!.byStaff)) expect(d.byStaff[`${h.id}/${id}`]).toEqual(f);
    for (const [id, f] of Object.entries(own[i]!.ratingsByWindow)) expect(d.ratingsByWindow[`${h.id}/${id}`]).toEqual(f);
  });
  // Appointments summed (a category's or day's too), their no-show rate from the sums.
  const summedAppointments = (pick: (r: Report) => AppointmentFigures | undefined): AppointmentFigures => {
    const parts = own.flatMap((r) => (pick(r) ? [pick(r)!] : []));
    const c = (k: keyof Omit<AppointmentFigures, 'noShowRate'>): number => sum(parts.map((p) => p[k]));
    const due = c('checkedIn') + c('noShow');
    return { booked: c('booked'), changed: c('changed'), cancelled: c('cancelled'), checkedIn: c('checkedIn'), late: c('late'), afterNoShow: c('afterNoShow'), noShow: c('noShow'), noShowRate: due === 0 ? null : c('noShow') / due };
  };
  expect(d.appointments).toEqual(summedAppointments((r) => r.appointments));
  for (const cat of new Set(own.flatMap((r) => Object.keys(r.appointmentsByCategory)))) expect(d.appointmentsByCategory[cat]).toEqual(summedAppointments((r) => r.appointmentsByCategory[cat]));
  for (const day of new Set(own.flatMap((r) => Object.keys(r.appointmentsByDay)))) expect(d.appointmentsByDay[day]).toEqual(summedAppointments((r) => r.appointmentsByDay[day]));
  // Kiosk and 24-hour uptime from the summed due and online times; kiosks keep their hall: hall/k1.
  for (const kind of ['kiosks', 'terminals24'] as const) {
    const u = own.map((r) => r.uptime[kind]);
    const dueMs = sum(u.map((x) => x.dueMs));
    const upMs = sum(u.map((x) => x.upMs));
    expect(d.uptime[kind], kind).toEqual({ kiosks: sum(u.map((x) => x.kiosks)), dueMs, upMs, uptime: dueMs === 0 ? null : upMs / dueMs });
  }
  halls.forEach((h, i) => {
    for (const [id, k] of Object.entries(own[i]!.uptime.byKiosk)) expect(d.uptime.byKiosk[`${h.id}/${id}`]).toEqual(k);
  });
  // Window times summed: open, serving, each pause reason; utilisation from the sums.
  const windowTotals = own.map((r) => r.windowTotal);
  const openMs = sum(windowTotals.map((w) => w.openMs));
  const servingMs = sum(windowTotals.map((w) => w.servingMs));
  expect(d.windowTotal).toEqual({
    openMs,
    servingMs,
    utilisation: openMs === 0 ? 0 : servingMs / openMs,
    pauseMs: Object.fromEntries(Object.keys(d.windowTotal.pauseMs).map((k) => [k, sum(windowTotals.map((w) => w.pauseMs[k as keyof typeof w.pauseMs]))])),
  });
  expect(d.days).toEqual([...new Set(own.flatMap((r) => r.days))].sort());
  expect(d.issuedByHour).toEqual(d.issuedByHour.map((_, hour) => sum(own.map((r) => r.issuedByHour[hour]!))));
  expect(d.arrivalsHeat).toEqual(d.arrivalsHeat.map((row, w) => row.map((_, hour) => sum(own.map((r) => r.arrivalsHeat[w]![hour]!)))));
  expect(d.waitDistribution).toEqual(d.waitDistribution.map((_, b) => sum(own.map((r) => r.waitDistribution[b]!))));
  // Rates worked out again from the summed counts, by the hall's own definition.
  const levels = Object.fromEntries(Object.keys(d.ratings.levels).map((l) => [l, sum(own.map((r) => r.ratings.levels[l as keyof typeof r.ratings.levels]))])) as Report['ratings']['levels'];
  expect(d.ratings).toEqual(ratingFiguresOf(levels, sum(own.map((r) => r.ratings.unrated)), sum(own.map((r) => r.ratings.visits))));
  // "一窗"分类受理率 from the summed intake; figures by 事项编码 summed per code.
  const intake = sum(own.map((r) => r.oneWindow.intake));
  const atComprehensive = sum(own.map((r) => r.oneWindow.atComprehensive));
  expect(d.oneWindow).toEqual({ intake, atComprehensive, rate: intake === 0 ? null : atComprehensive / intake });
  const codes = new Set(own.flatMap((r) => Object.keys(r.byItem ?? {})));
  expect(Object.keys(d.byItem ?? {}).sort()).toEqual([...codes].sort());
  for (const code of codes) {
    const parts = own.flatMap((r): ItemFigures[] => (r.byItem?.[code] ? [r.byItem[code]] : []));
    const itemLevels = Object.fromEntries(Object.keys(d.ratings.levels).map((l) => [l, sum(parts.map((p) => p.ratings.levels[l as keyof typeof p.ratings.levels]))])) as Report['ratings']['levels'];
    const finished = sum(parts.map((p) => p.finished));
    expect(d.byItem![code], code).toEqual({ finished, caseNumbers: sum(parts.map((p) => p.caseNumbers)), ratings: ratingFiguresOf(itemLevels, sum(parts.map((p) => p.ratings.unrated)), finished) });
  }
  expect(d.cases.cases).toBe(sum(own.map((r) => r.cases.cases)));
  expect(d.cases.open).toBe(sum(own.map((r) => r.cases.open)));
  expect(d.cases.overdue).toBe(sum(own.map((r) => r.cases.overdue)));
  const verified = sum(own.map((r) => (r.cases.verification ?? 0) * r.cases.cases));
  expect(d.cases.verification ?? 0).toBeCloseTo(d.cases.cases === 0 ? 0 : verified / d.cases.cases, 9);
  return answer;
}

/**
 * After a fault: the district brought up to date with what it holds, then its report over the days
 * the halls' journals have (as waitForExactCopy answered them) checked against the halls' own. A hall
 * may still journal a record after its copy was checked (a rating pad's time running out): then the
 * check is made again once that record is in, for up to `ms`.
 */
export async function expectReportsAfterFault(
  district: { url: string; project(): Promise<number> },
  halls: readonly { id: string; url: string }[],
  days: Record<string, unknown>,
  ms = 5000,
): Promise<DistrictAnswer> {
  const sorted = Object.keys(days).sort();
  const until = Date.now() + ms;
  for (;;) {
    await district.project();
    try {
      return await expectDistrictEqualsHalls(district.url, halls, sorted[0]!, sorted.at(-1)!);
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
