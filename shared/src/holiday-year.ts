// One year of the hall's holiday calendar: 法定节假日 (days closed) and 调休上班 (make-up working days),
// as the State Council's notice sets them each autumn. The console imports a year as a simple list
// (or JSON); the hub seeds the years its built-in calendar has (hub/src/hall/holiday-years.ts).
import type { ServiceDay } from './domain.js';
import { appError, type Ack } from './errors.js';
import { addDays, weekdayOf } from './time.js';

export interface HolidayYear {
  year: number;
  holidays: ServiceDay[];
  makeupWorkdays: ServiceDay[];
}

type Calendar = { holidays: readonly ServiceDay[]; makeupWorkdays: readonly ServiceDay[] };

const bad = (zh: string, en: string): Ack<never> => ({ ok: false, error: appError('BAD_HOLIDAY_LIST', { detail: { zh, en } }) });

/** 2027-01-01, 2027/1/1, 2027.1.1 or 2027年1月1日, as YYYY-MM-DD (not checked to exist). */
const DATE = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/g;
/** What joins the two ends of a range: 至, 到, ~, ～, – or —. */
const RANGE = /^\s*(至|到|~|～|–|—)\s*$/;

const realDay = (day: string): boolean => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/** The dates of one line, ranges expanded; or the first date that is not a real day. */
function datesOf(line: string): Ack<ServiceDay[]> {
  const found = [...line.matchAll(DATE)].map((m) => ({ day: `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`, at: m.index, end: m.index + m[0].length }));
  const days: ServiceDay[] = [];
  for (let i = 0; i < found.length; i++) {
    const { day } = found[i]!;
    if (!realDay(day)) return bad(`没有这一天：${day}`, `no such day: ${day}`);
    const next = found[i + 1];
    if (next && RANGE.test(line.slice(found[i]!.end, next.at))) {
      if (!realDay(next.day)) return bad(`没有这一天：${next.day}`, `no such day: ${next.day}`);
      if (next.day < day) return bad(`时间段 ${day} 至 ${next.day} 起止颠倒`, `range ${day} to ${next.day} ends before it starts`);
      for (let d = day; d <= next.day; d = addDays(d, 1)) days.push(d);
      i++;
    } else days.push(day);
  }
  return { ok: true, data: days };
}

/** Lists from JSON {holidays, makeupWorkdays}, or from lines: those saying 上班 are make-up working days, the others days off. */
function listsOf(text: string): Ack<{ holidays: ServiceDay[]; makeupWorkdays: ServiceDay[] }> {
  if (text.trim().startsWith('{')) {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return bad('不是有效的 JSON', 'not valid JSON');
    }
    const r = raw as { holidays?: unknown; makeupWorkdays?: unknown };
    const isList = (x: unknown): x is string[] => Array.isArray(x) && x.every((d) => typeof d === 'string');
    if (!isList(r.holidays) || !(r.makeupWorkdays === undefined || isList(r.makeupWorkdays))) {
      return bad('JSON 须为 {"holidays": ["YYYY-MM-DD", …], "makeupWorkdays": [...]}', 'JSON must be {"holidays": ["YYYY-MM-DD", …], "makeupWorkdays": [...]}');
    }
    text = `放假：${r.holidays.join('、')}\n上班：${(r.makeupWorkdays ?? []).join('、')}`;
  }
  const holidays: ServiceDay[] = [];
  const makeupWorkdays: ServiceDay[] = [];
  for (const line of text.split(/\r?\n/)) {
    const days = datesOf(line);
    if (!days.ok) return days;
    (/上班|makeup|make-up|work/i.test(line) ? makeupWorkdays : holidays).push(...days.data);
  }
  return { ok: true, data: { holidays, makeupWorkdays } };
}

/** A year's calendar from pasted text, checked: every day real and in that year, make-up days on weekends, no day both. */
export function parseHolidayYear(year: number, text: string): Ack<HolidayYear> {
  const lists = listsOf(text);
  if (!lists.ok) return lists;
  const holidays = [...new Set(lists.data.holidays)].sort();
  const makeupWorkdays = [...new Set(lists.data.makeupWorkdays)].sort();
  if (holidays.length === 0) return bad(`没有找到 ${year} 年的放假日期`, `no days off for ${year} found`);
  const other = [...holidays, ...makeupWorkdays].find((d) => !d.startsWith(`${year}-`));
  if (other) return bad(`${other} 不在 ${year} 年`, `${other} is not in ${year}`);
  const both = holidays.find((d) => makeupWorkdays.includes(d));
  if (both) return bad(`${both} 不能既放假又上班`, `${both} cannot be both a day off and a working day`);
  const weekday = makeupWorkdays.find((d) => weekdayOf(d) !== 0 && weekdayOf(d) !== 6);
  if (weekday) return bad(`调休上班日 ${weekday} 不是周末`, `make-up working day ${weekday} is not a weekend day`);
  return { ok: true, data: { year, holidays, makeupWorkdays } };
}

/** The calendar with `year` replaced by the imported one, the other years kept. */
export function withYear<C extends Calendar>(calendar: C, imported: HolidayYear): C & { holidays: ServiceDay[]; makeupWorkdays: ServiceDay[] } {
  const keep = (days: readonly ServiceDay[]): ServiceDay[] => days.filter((d) => !d.startsWith(`${imported.year}-`));
  return {
    ...calendar,
    holidays: [...keep(calendar.holidays), ...imported.holidays].sort(),
    makeupWorkdays: [...keep(calendar.makeupWorkdays), ...imported.makeupWorkdays].sort(),
  };
}
