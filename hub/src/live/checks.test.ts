import { describe, expect, it } from 'vitest';
import type { HallConfig } from '@yichuang/shared/domain';
import type { Alert, AlertThresholds, TidalSuggestion } from '@yichuang/shared/live';
import { Hall, makeConfig } from '../engine/test-fixtures.js';
import { QueueIndex } from '../hall/queue-index.js';
import { Views } from '../hall/views.js';
import type { CheckInput } from './check-input.js';
import { runChecks } from './checks.js';
import { dayFigures } from './day-figures.js';
import { tidalSuggestions } from './tidal.js';

const THRESHOLDS: AlertThresholds = { waitAlertMin: 30, pausedAlertMin: 20, tidalWaitMin: 40, offlineAlertSec: 60 };

const suggest = (hall: Hall): TidalSuggestion[] => {
  const views = new Views(() => hall.state, () => hall.config, () => hall.now);
  return tidalSuggestions(hall.state, hall.config, views.queues(), THRESHOLDS.tidalWaitMin);
};

interface Seen {
  offlineSince?: Map<string, number>;
  online?: Set<string>;
  startedAt?: number;
  alerts?: Alert[];
}

function input(hall: Hall, seen: Seen = {}): CheckInput {
  const views = new Views(() => hall.state, () => hall.config, () => hall.now);
  const { offlineSince = new Map(), online = new Set(), startedAt = hall.now, alerts = [] } = seen;
  return { now: hall.now, config: hall.config, state: hall.state, queues: views.queues(), figures: dayFigures(new QueueIndex(hall.state)), thresholds: THRESHOLDS, offlineSince, online, startedAt, alerts };
}

/** The first checks' alerts: waits, pauses, devices offline (the coverage checks have their own tests). */
const FIRST: ReadonlySet<string> = new Set(['long-wait', 'paused-too-long', 'device-offline']);
const keys = (hall: Hall, offline?: Map<string, number>, kinds = FIRST): string[] =>
  runChecks(input(hall, { offlineSince: offline }))
    .conditions.filter((c) => kinds.has(c.kind))
    .map((c) => c.key)
    .sort();
const all = (hall: Hall, seen?: Seen): string[] =>
  runChecks(input(hall, seen))
    .conditions.map((c) => c.key)
    .sort();

describe('the hub’s alert checks at a given time', () => {
  it('raises a long wait only once the longest wait passes the threshold, naming that ticket', () => {
    const hall = new Hall();
    hall.issue('general', 2);
    hall.wait(29);
    expect(keys(hall)).toEqual([]);
    hall.wait(1);
    const [alert] = runChecks(input(hall)).conditions.filter((c) => FIRST.has(c.kind));
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
    const [alert] = runChecks(input(hall)).conditions.filter((c) => FIRST.has(c.kind));
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

describe('the coverage checks: someone there to serve and to be seen', () => {
  const withDevices = (): HallConfig => ({
    ...makeConfig(),
    devices: [
      { id: 'kiosk-1', name: '1号取号机', role: 'kiosk', tokenHash: 'sha256:k', demo: true },
      { id: 'board-1', name: '大厅叫号屏', role: 'board', tokenHash: 'sha256:b', demo: true },
      ...[1, 2, 3, 4, 5].map((n) => ({ id: `window-0${n}`, name: `${n}号窗口叫号终端`, role: 'window' as const, windowId: `w${n}`, tokenHash: `sha256:w${n}`, demo: true })),
    ],
  });
  const screens = new Set(['kiosk-1', 'board-1']);

  it('raises a queue with people waiting and no open window serving it, and closes it once one opens', () => {
    const hall = new Hall(withDevices()).at('2026-11-23 10:00');
    hall.issue('tax');
    const online = new Set([...screens, 'window-04']);
    expect(all(hall, { online })).toEqual(['check:no-window:tax']);
    expect(runChecks(input(hall, { online })).conditions[0]?.message).toBe('税务有人等候，但没有开放的窗口办理');
    hall.open(4);
    hall.run({ type: 'pause', windowId: 'w4', reason: 'meal' });
    expect(all(hall, { online })).toEqual(['check:no-window:tax']);
    hall.run({ type: 'unpause', windowId: 'w4' });
    expect(all(hall, { online })).toEqual([]);
  });

  it('raises a window shown as serving whose caller is revoked at once, or offline past the grace time', () => {
    const hall = new Hall(withDevices()).open(1);
    const startedAt = hall.now;
    expect(all(hall, { online: new Set([...screens, 'window-01']) })).toEqual([]);
    hall.now += 59_000;
    expect(all(hall, { online: screens, startedAt })).toEqual([]);
    hall.now += 1_000;
    expect(all(hall, { online: screens, startedAt })).toEqual(['check:unattended:w1']);
    const revoked = new Hall({ ...withDevices(), devices: withDevices().devices.filter((d) => d.id !== 'window-01') }).open(1);
    const [alert] = runChecks(input(revoked, { online: screens })).conditions;
    expect(alert).toMatchObject({ kind: 'window-unattended', windowId: 'w1', message: '1 号窗口显示服务中，但叫号终端已撤销或离线' });
    revoked.run({ type: 'signOut', windowId: 'w1' });
    expect(all(revoked, { online: screens })).toEqual([]);
  });

  it('raises a ticket transferred to a window that is closed, until that window opens', () => {
    const hall = new Hall(withDevices()).open(1, 2);
    const online = new Set([...screens, 'window-01', 'window-02']);
    hall.issue('general');
    hall.callNext('w1');
    hall.run({ type: 'transfer', windowId: 'w1', toWindowId: 'w2', note: '转 2 号' });
    expect(all(hall, { online })).toEqual([]);
    hall.run({ type: 'signOut', windowId: 'w2' });
    const [alert] = runChecks(input(hall, { online })).conditions;
    expect(alert).toMatchObject({ kind: 'sent-to-closed', windowId: 'w2', ticketNumber: 'A001', message: 'A001 号转到 2 号窗口等候，但该窗口已关闭' });
    hall.open(2);
    expect(all(hall, { online })).toEqual([]);
  });

  it('raises no kiosk or no board online once none has been connected for the grace time', () => {
    const hall = new Hall(withDevices());
    const startedAt = hall.now;
    hall.now += 60_000;
    expect(all(hall, { online: new Set(['board-1']), startedAt })).toEqual(['check:none-online:kiosk']);
    expect(all(hall, { online: new Set(), startedAt })).toEqual(['check:none-online:board', 'check:none-online:kiosk']);
    // The kiosk left 30 s ago: the grace time counts from then.
    expect(all(hall, { online: new Set(['board-1']), startedAt, offlineSince: new Map([['kiosk-1', hall.now - 30_000]]) })).toEqual([]);
    expect(all(hall, { online: screens, startedAt })).toEqual([]);
  });

  it('closes a bad-rating alert once its case is closed', () => {
    const hall = new Hall(withDevices());
    const alert = (key: string): Alert => ({ kind: 'bad-rating', key, message: 'm', messageEn: 'm', id: key, raisedAt: 0, lastAt: 0, count: 1 });
    const closed = { reached: 'close' } as never;
    const open = { reached: 'verify' } as never;
    hall.state.evaluation = { ...(hall.state.evaluation ?? ({} as never)), cases: { c1: closed, c2: open } };
    const alerts = [alert('bad-rating:c1'), alert('bad-rating:c2'), { ...alert('bad-rating:c1'), id: 'old', resolvedAt: 1 }];
    expect(runChecks(input(hall, { online: screens, alerts })).ended).toEqual(['bad-rating:c1']);
  });
});

describe('tidal windows', () => {
  it('suggests switching the tidal window to a queue whose expected wait passes the threshold', () => {
    const hall = new Hall().at('2026-11-23 10:00').open(4, 5);
    hall.issue('tax', 12); // two open windows, 6 min each by default: 36 min expected
    expect(suggest(hall)).toEqual([]);
    hall.issue('tax', 2); // 42 min
    expect(suggest(hall)).toEqual([
      { categoryId: 'tax', prefix: 'T', name: '税务', nameEn: 'tax', estimatedWaitMin: 42, windowId: 'w5', windowNumber: 5 },
    ]);
  });

  it('suggests only a tidal window someone is signed in at', () => {
    const hall = new Hall().at('2026-11-23 10:00').open(4);
    hall.issue('tax', 14); // 84 min with window 4 alone, 42 with the tidal window open too
    expect(suggest(hall)).toEqual([]);
    hall.open(5);
    expect(suggest(hall).map((s) => s.windowId)).toEqual(['w5']);
  });
  it('suggests nothing for a queue the tidal window already serves first', () => {
    const hall = new Hall().at('2026-11-23 10:00').open(4, 5);
    hall.run({ type: 'assignTidal', windowId: 'w5', categoryId: 'tax' });
    hall.issue('tax', 10);
    expect(suggest(hall)).toEqual([]);
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
