// The holiday calendar running out (#20): an alert from 60 days before its last covered day.
import { describe, expect, it } from 'vitest';
import { Hall, local, makeConfig } from '../engine/test-fixtures.js';
import { QueueIndex } from '../hall/queue-index.js';
import { Views } from '../hall/views.js';
import { runChecks } from './checks.js';
import { dayFigures } from './day-figures.js';

function calendarAlerts(holidays: string[], at: string) {
  const config = makeConfig();
  const hall = new Hall({ ...config, hall: { ...config.hall, schedule: { ...config.hall.schedule, holidays, makeupWorkdays: [] } } }, local(at));
  const views = new Views(() => hall.state, () => hall.config, () => hall.now);
  const thresholds = { waitAlertMin: 30, pausedAlertMin: 20, tidalWaitMin: 40, offlineAlertSec: 60 };
  const input = { now: hall.now, config: hall.config, state: hall.state, queues: views.queues(), figures: dayFigures(new QueueIndex(hall.state)), thresholds, offlineSince: new Map(), online: new Set<string>(), startedAt: hall.now, alerts: [] };
  return runChecks(input).conditions.filter((c) => c.kind === 'calendar-ending');
}

describe('holiday calendar alert', () => {
  const YEAR_2026 = ['2026-01-01', '2026-10-01'];

  it('is quiet more than 60 days before the calendar ends', () => {
    expect(calendarAlerts(YEAR_2026, '2026-10-31 09:00')).toEqual([]);
  });

  it('is raised from 60 days before its last day, saying until when and what to import', () => {
    const [alert] = calendarAlerts(YEAR_2026, '2026-11-01 09:00');
    expect(alert).toMatchObject({ kind: 'calendar-ending', key: 'check:calendar-ending' });
    expect(alert?.message).toContain('2026-12-31');
    expect(alert?.message).toContain('2027');
    expect(alert?.messageEn).toContain('2027');
    expect(calendarAlerts(YEAR_2026, '2027-01-05 09:00')).toHaveLength(1); // and after it, until 2027 is imported
  });

  it('is quiet once the next year is imported, and for a hall that keeps no calendar', () => {
    expect(calendarAlerts([...YEAR_2026, '2027-01-01'], '2026-12-07 09:00')).toEqual([]);
    expect(calendarAlerts([], '2026-12-07 09:00')).toEqual([]);
  });
});
