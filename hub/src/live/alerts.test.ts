import { describe, expect, it } from 'vitest';
import type { AlertInput } from '@yichuang/shared/live';
import { acknowledge, emptyAlertsFile, forDisplay, isOpen, raise, resolve, unresolvedKeys } from './alerts.js';

const help: AlertInput = { kind: 'help-request', key: 'help:kiosk-1', message: '1号取号机求助', messageEn: 'Help at kiosk 1', deviceId: 'kiosk-1' };

describe('alerts', () => {
  it('one alert per key: raised again it is refreshed, and an acknowledged one reopens', () => {
    const file = emptyAlertsFile();
    const first = raise(file, help, 1000);
    expect(acknowledge(file, first.id, 'console-1', 2000)?.acknowledged).toEqual({ at: 2000, deviceId: 'console-1' });
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
    acknowledge(file, old.id, 'console-1', 1000);
    raise(file, { ...help, key: 'b' }, 500);
    expect(forDisplay(file.alerts).map((a) => a.key)).toEqual(['b', 'a']);
    raise(file, { ...help, key: 'c' }, 1000 + 24 * 3_600_000);
    expect(file.alerts.map((a) => a.key)).toEqual(['b', 'c']);
    expect(acknowledge(file, 'a999', 'console-1', 0)).toBeUndefined();
  });
});
