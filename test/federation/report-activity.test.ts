// Work that can wait (reading roll-ups ahead after a start) gives way to reports: it goes on only once
// none has run for a moment, and a start counts as one.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReportActivity } from '../../district/src/report-activity.js';

afterEach(() => vi.useRealTimers());

describe('ReportActivity', () => {
  it('is quiet half a second after its start and after the last report, not while one runs', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
    const activity = new ReportActivity();
    let quietAt = -1;
    const began = performance.now();
    const watch = (): Promise<void> => activity.quiet().then(() => void (quietAt = performance.now() - began));
    void watch();
    await vi.advanceTimersByTimeAsync(499);
    expect(quietAt).toBe(-1);
    await vi.advanceTimersByTimeAsync(1);
    expect(quietAt).toBe(500);

    let finish = (): void => undefined;
    const report = activity.run(() => new Promise<void>((resolve) => (finish = resolve)));
    quietAt = -1;
    void watch();
    await vi.advanceTimersByTimeAsync(3000);
    expect(quietAt).toBe(-1);
    finish();
    await report;
    await vi.advanceTimersByTimeAsync(499);
    expect(quietAt).toBe(-1);
    await vi.advanceTimersByTimeAsync(500);
    expect(quietAt).toBeGreaterThanOrEqual(4000);
  });

  it('lets what waits go on at once when closed', async () => {
    const activity = new ReportActivity();
    let quiet = false;
    const waiting = activity.quiet().then(() => void (quiet = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(quiet).toBe(false);
    activity.close();
    await waiting;
    expect(quiet).toBe(true);
  });
});
