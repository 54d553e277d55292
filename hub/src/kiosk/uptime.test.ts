import { describe, expect, it } from 'vitest';
import { onlineIntervals, onlineWithin, type PresenceRecord } from './uptime.js';

const r = (at: number, rest: Record<string, unknown>): PresenceRecord => ({ v: 1, at, ...rest }) as PresenceRecord;

describe('online intervals from presence records', () => {
  it('pairs online with offline, and ignores other kiosks', () => {
    const records = [r(0, { t: 'hub-start' }), r(10, { t: 'online', device: 'k1' }), r(12, { t: 'online', device: 'k2' }), r(30, { t: 'offline', device: 'k1' }), r(40, { t: 'online', device: 'k1' }), r(50, { t: 'offline', device: 'k1' })];
    expect(onlineIntervals(records, 'k1')).toEqual([[10, 30], [40, 50]]);
    expect(onlineWithin(onlineIntervals(records, 'k1'), 20, 45)).toBe(15);
  });

  it('ends an interval cut by a hub crash at the last record that showed the hub alive', () => {
    const records = [r(10, { t: 'online', device: 'k1' }), r(20, { t: 'beats', device: 'k1', n: 3 }), r(25, { t: 'beats', device: 'k2', n: 1 }), r(90, { t: 'hub-start' }), r(95, { t: 'online', device: 'k1' })];
    expect(onlineIntervals(records, 'k1', 100)).toEqual([[10, 25], [95, 100]]);
  });

  it('ends an interval at a clean hub stop, and at the end of a day; a day starts with the kiosks online at midnight', () => {
    const day1 = [r(10, { t: 'online', device: 'k1' }), r(100, { t: 'day-end' })];
    const day2 = [r(100, { t: 'day-start', online: ['k1'] }), r(150, { t: 'hub-stop' })];
    expect(onlineIntervals(day1, 'k1')).toEqual([[10, 100]]);
    expect(onlineIntervals(day2, 'k1')).toEqual([[100, 150]]);
    expect(onlineWithin(onlineIntervals([...day1, ...day2], 'k1'), 0, 200)).toBe(140);
  });

  it('keeps an interval open until now for a kiosk online now, else until the last record', () => {
    const records = [r(10, { t: 'online', device: 'k1' }), r(40, { t: 'beats', device: 'k1', n: 10 })];
    expect(onlineIntervals(records, 'k1', 70)).toEqual([[10, 70]]);
    expect(onlineIntervals(records, 'k1')).toEqual([[10, 40]]);
  });
});
