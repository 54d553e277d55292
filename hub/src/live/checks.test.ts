import { describe, expect, it } from 'vitest';
import type { HallConfig } from '@yichuang/shared/domain';
import type { AlertThresholds } from '@yichuang/shared/live';
import { Hall, makeConfig } from '../engine/test-fixtures.js';
import { Views } from '../hall/views.js';
import { runChecks, type CheckInput } from './checks.js';

const THRESHOLDS: AlertThresholds = { waitAlertMin: 30, pausedAlertMin: 20, tidalWaitMin: 40, offlineAlertSec: 60 };

function input(hall: Hall, offlineSince = new Map<string, number>()): CheckInput {
  const views = new Views(() => hall.state, () => hall.config, () => hall.now);
  return { now: hall.now, config: hall.config, state: hall.state, queues: views.queues(), thresholds: THRESHOLDS, offlineSince };
}

const keys = (hall: Hall, offline?: Map<string, number>): string[] => runChecks(input(hall, offline)).conditions.map((c) => c.key).sort();

describe('the hub’s alert checks at a given time', () => {
  it('raises a long wait only once the longest wait passes the threshold, naming that ticket', () => {
    const hall = new Hall();
    hall.issue('general', 2);
    hall.wait(29);
    expect(keys(hall)).toEqual([]);
    hall.wait(1);
    const [alert] = runChecks(input(hall)).conditions;
    expect(alert).toMatchObject({ kind: 'long-wait', key: 'check:long-wait:general', ticketNumber: 'A001' });
    expect(alert?.message).toBe('综合受理：A001 号已等候超过 30 分钟');
    expect(alert?.messageEn).toBe('general: A001 has waited over 30 min');
  });

  it('counts a called ticket as no longer waiting', () => {
    const hall = new Hall().open(1);
    hall.issue('general');
    hall.wait(40);
    expect(keys(hall)).toEqual(['check:long-wait:general']);
    hall.callNext('w1');
    expect(keys(hall)).toEqual([]);
  });

  it('raises a pause that lasts past the threshold, with its reason', () => {
    const hall = new Hall().open(2);
    hall.run({ type: 'pause', windowId: 'w2', reason: 'meal' });
    hall.wait(19);
    expect(keys(hall)).toEqual([]);
    hall.wait(1);
    const [alert] = runChecks(input(hall)).conditions;
    expect(alert).toMatchObject({ kind: 'paused-too-long', windowId: 'w2', message: '2 号窗口暂停服务已超过 20 分钟（用餐）' });
    hall.run({ type: 'unpause', windowId: 'w2' });
    expect(keys(hall)).toEqual([]);
  });

  it('raises a kiosk or board offline past the grace time, but not a window client', () => {
    const config: HallConfig = {
      ...makeConfig(),
      devices: [
        { id: 'kiosk-1', name: '1号取号机', role: 'kiosk', tokenHash: 'sha256:k', demo: true },
        { id: 'window-01', name: '1号窗口叫号终端', role: 'window', windowId: 'w1', tokenHash: 'sha256:w', demo: true },
      ],
    };
    const hall = new Hall(config);
    const offline = new Map([['kiosk-1', hall.now], ['window-01', hall.now]]);
    hall.now += 59_000;
    expect(keys(hall, offline)).toEqual([]);
    hall.now += 1_000;
    expect(keys(hall, offline)).toEqual(['check:offline:kiosk-1']);
  });
});

describe('tidal windows', () => {
  it('suggests switching the tidal window to a queue whose expected wait passes the threshold', () => {
    const hall = new Hall().at('2026-11-23 10:00').open(4, 5);
    hall.issue('tax', 12); // two open windows, 6 min each by default: 36 min expected
    expect(runChecks(input(hall)).suggestions).toEqual([]);
    hall.issue('tax', 2); // 42 min
    expect(runChecks(input(hall)).suggestions).toEqual([
      { categoryId: 'tax', prefix: 'T', name: '税务', nameEn: 'tax', estimatedWaitMin: 42, windowId: 'w5', windowNumber: 5 },
    ]);
  });

  it('suggests only a tidal window someone is signed in at', () => {
    const hall = new Hall().at('2026-11-23 10:00').open(4);
    hall.issue('tax', 14); // 84 min with window 4 alone, 42 with the tidal window open too
    expect(runChecks(input(hall)).suggestions).toEqual([]);
    hall.open(5);
    expect(runChecks(input(hall)).suggestions.map((s) => s.windowId)).toEqual(['w5']);
  });
  it('suggests nothing for a queue the tidal window already serves first', () => {
    const hall = new Hall().at('2026-11-23 10:00').open(4, 5);
    hall.run({ type: 'assignTidal', windowId: 'w5', categoryId: 'tax' });
    hall.issue('tax', 10);
    expect(runChecks(input(hall)).suggestions).toEqual([]);
  });

  it('switches only a tidal window someone is signed in at, to a known category, serving that queue alone, for the rest of the day', () => {
    const hall = new Hall().at('2026-11-23 10:00');
    expect(hall.refusal({ type: 'assignTidal', windowId: 'w5', categoryId: 'tax' })).toEqual({ code: 'TIDAL_WINDOW_CLOSED', params: { n: 5 } });
    hall.open(5);
    expect(hall.refusal({ type: 'assignTidal', windowId: 'w1', categoryId: 'tax' })).toEqual({ code: 'NOT_TIDAL_WINDOW', params: { windowId: 'w1' } });
    expect(hall.refusal({ type: 'assignTidal', windowId: 'w9', categoryId: 'tax' })).toMatchObject({ code: 'UNKNOWN_WINDOW' });
    expect(hall.refusal({ type: 'assignTidal', windowId: 'w5', categoryId: 'nope' })).toMatchObject({ code: 'UNKNOWN_CATEGORY' });
    expect(hall.run({ type: 'assignTidal', windowId: 'w5', categoryId: 'tax' }).at(-1)).toEqual({ type: 'window.assigned', at: hall.now, windowId: 'w5', categoryId: 'tax' });
    const views = new Views(() => hall.state, () => hall.config, () => hall.now);
    expect(views.window('w5')?.categories).toEqual([{ categoryId: 'tax', weight: 10 }]);
    // Switched again to the same queue: nothing new to journal.
    expect(hall.run({ type: 'assignTidal', windowId: 'w5', categoryId: 'tax' })).toEqual([]);
    hall.at('2026-11-24 09:00').issue('general');
    expect(views.window('w5')?.categories).toEqual(makeConfig().windows.find((w) => w.id === 'w5')?.categories);
  });
  it('restores a switched tidal window to its configured categories, even after its staff signed out', () => {
    const hall = new Hall().at('2026-11-23 10:00').open(5);
    const views = new Views(() => hall.state, () => hall.config, () => hall.now);
    expect(hall.run({ type: 'restoreTidal', windowId: 'w5' })).toEqual([]);
    hall.run({ type: 'assignTidal', windowId: 'w5', categoryId: 'tax' });
    hall.run({ type: 'signOut', windowId: 'w5' });
    expect(hall.refusal({ type: 'restoreTidal', windowId: 'w1' })).toEqual({ code: 'NOT_TIDAL_WINDOW', params: { windowId: 'w1' } });
    expect(hall.run({ type: 'restoreTidal', windowId: 'w5' })).toEqual([{ type: 'window.restored', at: hall.now, windowId: 'w5' }]);
    expect(views.window('w5')?.categories).toEqual(makeConfig().windows.find((w) => w.id === 'w5')?.categories);
  });

  it('after the switch, the tidal window calls the long queue first', () => {
    const hall = new Hall().at('2026-11-23 10:00').open(5);
    hall.issue('general', 1);
    hall.wait(1);
    hall.issue('tax', 3);
    hall.run({ type: 'assignTidal', windowId: 'w5', categoryId: 'tax' });
    expect(hall.callNext('w5')).toBe('T001');
  });
});
