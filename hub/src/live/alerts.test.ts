import { describe, expect, it } from 'vitest';
import type { AlertInput } from '@yichuang/shared/live';
import { acknowledge, acknowledgeAll, emptyAlertsFile, forDisplay, isOpen, raise, resolve, unresolvedKeys } from './alerts.js';

const help: AlertInput = { kind: 'help-request', key: 'help:kiosk-1', message: '1号取号机求助', messageEn: 'Help at kiosk 1', deviceId: 'kiosk-1' };

describe('alerts', () => {
  it('one alert per key: raised again it is refreshed, and an acknowledged one reopens', () => {
    const file = emptyAlertsFile();
    const first = raise(file, help, 1000);
    expect(acknowledge(file, first.id, { at: 2000, deviceId: 'console-1', name: '张经理' })?.acknowledged).toEqual({ at: 2000, deviceId: 'console-1', name: '张经理' });
    expect(isOpen(first)).toBe(false);
    const again = raise(file, help, 3000);
    expect(file.alerts).toHaveLength(1);
    expect(again).toMatchObject({ id: first.id, raisedAt: 1000, lastAt: 3000, count: 2 });
    expect(isOpen(again)).toBe(true);
  });

  it('a resolved alert stays in the list; the condition coming back is a new alert', () => {
    const file = emptyAlertsFile();
    const wait: AlertInput = { kind: 'long-wait', key: 'check:long-wait:general', message: 'm', messageEn: 'm' };
    const first = raise(file, wait, 1000);
    expect(unresolvedKeys(file.alerts, 'check:')).toEqual(new Set([wait.key]));
    resolve(file, wait.key, 2000);
    expect(unresolvedKeys(file.alerts, 'check:')).toEqual(new Set());
    const second = raise(file, wait, 3000);
    expect(second.id).not.toBe(first.id);
    expect(forDisplay(file.alerts).map((a) => a.id)).toEqual([second.id, first.id]);
  });

  it('open alerts come first, latest first; closed ones are dropped after a day', () => {
    const file = emptyAlertsFile();
    const old = raise(file, { ...help, key: 'a' }, 1000);
    acknowledge(file, old.id, { at: 1000, deviceId: 'console-1' });
    raise(file, { ...help, key: 'b' }, 500);
    expect(forDisplay(file.alerts).map((a) => a.key)).toEqual(['b', 'a']);
    raise(file, { ...help, key: 'c' }, 1000 + 24 * 3_600_000);
    expect(file.alerts.map((a) => a.key)).toEqual(['b', 'c']);
    expect(acknowledge(file, 'a999', { at: 0, deviceId: 'console-1' })).toBeUndefined();
  });
  it('acknowledges every open alert at once, with who and when, and leaves closed ones as they were', () => {
    const file = emptyAlertsFile();
    const a = raise(file, { ...help, key: 'a' }, 1000);
    const b = raise(file, { ...help, key: 'b' }, 1000);
    const c = raise(file, { ...help, key: 'c' }, 1000);
    resolve(file, 'c', 1500);
    acknowledge(file, b.id, { at: 1600, deviceId: 'console-2', name: '李经理' });
    const done = acknowledgeAll(file, { at: 2000, deviceId: 'console-1', staffId: 's1', name: '张经理' });
    expect(done.map((x) => x.id)).toEqual([a.id]);
    expect(a.acknowledged).toEqual({ at: 2000, deviceId: 'console-1', staffId: 's1', name: '张经理' });
    expect(b.acknowledged?.name).toBe('李经理');
    expect(c.acknowledged).toBeUndefined();
    expect(file.alerts.filter(isOpen)).toEqual([]);
  });
});
