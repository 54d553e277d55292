// Due and online time of kiosks on the days and hours that are not the scripted day's plain case.
import { describe, expect, it } from 'vitest';
import type { Device } from '@yichuang/shared/domain';
import { SELF_SERVICE_ZONE } from '@yichuang/shared/kiosk';
import { local, makeConfig, MINUTE, withSchedule } from '../engine/test-fixtures.js';
import type { PresenceRecord } from '../kiosk/uptime.js';
import { kioskFacts } from './kiosk-uptime.js';

const DAY = '2026-11-23'; // a Monday: hall hours 09:00–12:00, 13:30–17:00
const END = local('2026-11-24 00:00');
const device = (id: string, extra: Partial<Device> = {}): Device => ({ id, name: id, role: 'kiosk', tokenHash: 'sha256:x', demo: false, ...extra });
const config = makeConfig({ devices: [device('k1'), device('t1', { zone: SELF_SERVICE_ZONE }), device('late', { pairedAt: local(`${DAY} 13:30`) })] });
const records: PresenceRecord[] = [
  { v: 1, at: local(`${DAY} 00:00`), t: 'day-start', online: ['t1', 'k1'] },
  { v: 1, at: local(`${DAY} 10:00`), t: 'beats', device: 'k1', n: 120 },
];
const min = (n: number): number => n * MINUTE;

describe('kiosk facts', () => {
  it('counts nothing before the hall’s first presence record (no hub, no kiosk figures)', () => {
    expect(kioskFacts([], DAY, config, { until: END, live: false, since: undefined })).toEqual([]);
    // The hub first ran at 13:30: a take-a-number kiosk is due from then only.
    const [k1] = kioskFacts(records, DAY, config, { until: END, live: false, since: local(`${DAY} 13:30`) });
    expect(k1).toEqual({ kiosk: 'k1', allDay: false, dueMs: min(210), upMs: 0 });
  });

  it('ends an interval open at the end of the records at the last record, or, while the hub runs, at `until`', () => {
    const since = local(`${DAY} 00:00`);
    const rebuilt = kioskFacts(records, DAY, config, { until: END, live: false, since });
    expect(rebuilt.find((f) => f.kiosk === 'k1')).toMatchObject({ dueMs: min(390), upMs: min(60) }); // 09:00–10:00, its last beats
    const live = kioskFacts(records, DAY, config, { until: local(`${DAY} 15:00`), live: true, since });
    expect(live.find((f) => f.kiosk === 'k1')).toMatchObject({ dueMs: min(180 + 90), upMs: min(180 + 90) });
    expect(live.find((f) => f.kiosk === 't1')).toMatchObject({ allDay: true, dueMs: min(900), upMs: min(900) });
    // Paired at 13:30: due from then.
    expect(live.find((f) => f.kiosk === 'late')).toMatchObject({ dueMs: min(90), upMs: 0 });
  });

  it('on a holiday, due the 24-hour terminal all day and a take-a-number kiosk not at all', () => {
    const holiday = withSchedule(config, { holidays: [DAY] });
    const facts = kioskFacts(records, DAY, holiday, { until: END, live: true, since: local(`${DAY} 00:00`) });
    expect(facts).toEqual([{ kiosk: 't1', allDay: true, dueMs: min(1440), upMs: min(1440) }]);
  });
});
