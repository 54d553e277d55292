import { describe, expect, it } from 'vitest';
import { parseHolidayYear, withYear } from './holiday-year.js';

// The 2026 notice (国办发明电〔2025〕7号), as a console user would paste it.
const NOTICE_2026 = `一、元旦：1月1日至3日放假调休，共3天。1月4日（周日）上班。
放假：2026-01-01至2026-01-03、2026-02-15至2026-02-23、2026-04-04至2026-04-06、2026-05-01至2026-05-05、2026-06-19至2026-06-21、2026-09-25至2026-09-27、2026-10-01至2026-10-07
上班：2026-01-04、2026-02-14、2026-02-28、2026-05-09、2026-09-20、2026-10-10`;

describe('importing a year of holidays (#20)', () => {
  it('reads the notice’s dates as a simple list: 放假 days and ranges, 上班 days', () => {
    const year = parseHolidayYear(2026, NOTICE_2026.split('\n').slice(1).join('\n'));
    expect(year.ok).toBe(true);
    if (!year.ok) return;
    expect(year.data.holidays).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(year.data.holidays.slice(0, 4)).toEqual(['2026-01-01', '2026-01-02', '2026-01-03', '2026-02-15']);
    expect(year.data.makeupWorkdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });

  it('reads JSON, and dates written 2027年1月1日', () => {
    const json = parseHolidayYear(2027, JSON.stringify({ holidays: ['2027-01-01'], makeupWorkdays: ['2027-01-02'] }));
    expect(json).toEqual({ ok: true, data: { year: 2027, holidays: ['2027-01-01'], makeupWorkdays: ['2027-01-02'] } });
    const chinese = parseHolidayYear(2027, '放假：2027年10月1日至2027年10月3日\n上班：2027年9月26日');
    expect(chinese.ok && chinese.data).toEqual({ year: 2027, holidays: ['2027-10-01', '2027-10-02', '2027-10-03'], makeupWorkdays: ['2027-09-26'] });
  });

  it('refuses, in Chinese and English, what cannot be that year’s calendar', () => {
    const refused = (text: string): string => {
      const r = parseHolidayYear(2027, text);
      if (r.ok) throw new Error(`accepted: ${text}`);
      expect(r.error.messageEn).toMatch(/[a-z]/);
      return `${r.error.message} / ${r.error.messageEn}`;
    };
    expect(refused('')).toMatch(/没有.*放假/);
    expect(refused('放假：2026-10-01')).toContain('2026-10-01');
    expect(refused('放假：2027-02-30')).toContain('2027-02-30');
    expect(refused('放假：2027-10-01\n上班：2027-10-01')).toContain('2027-10-01');
    expect(refused('放假：2027-10-01\n上班：2027-09-29')).toContain('2027-09-29'); // a Wednesday: no make-up day
    expect(refused('{"holidays": 3}')).toMatch(/JSON/);
    expect(refused('放假：2027-10-05至2027-10-01')).toContain('2027-10-05');
  });

  it('replaces that year in the hall’s calendar, keeping the others', () => {
    const schedule = { holidays: ['2026-10-01', '2027-05-01'], makeupWorkdays: ['2026-10-10', '2027-05-08'] };
    expect(withYear(schedule, { year: 2027, holidays: ['2027-01-01'], makeupWorkdays: [] })).toEqual({
      holidays: ['2026-10-01', '2027-01-01'],
      makeupWorkdays: ['2026-10-10'],
    });
  });
});
