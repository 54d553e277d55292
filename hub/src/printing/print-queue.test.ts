import { describe, expect, it } from 'vitest';
import { EXPIRED, PrintQueue } from './print-queue.js';

describe('print queue', () => {
  it('prints one slip at a time, in order, and counts what waits', async () => {
    const lengths: number[] = [];
    const queue = new PrintQueue((n) => lengths.push(n));
    const order: string[] = [];
    let release!: () => void;
    const first = queue.run(() => new Promise<string>((r) => (release = () => r('A001'))), Infinity);
    const second = queue.run(async () => {
      order.push('A002 started');
      return 'A002';
    }, Infinity);
    expect(queue.length).toBe(2);
    await Promise.resolve();
    expect(order).toEqual([]); // A002 waits for A001
    release();
    expect(await first).toBe('A001');
    expect(await second).toBe('A002');
    expect(lengths).toEqual([1, 2, 1, 0]);
  });

  it('drops a slip that could not start in time, and goes on after a failed one', async () => {
    const queue = new PrintQueue();
    let release!: () => void;
    const stuck = queue.run(() => new Promise<void>((r) => (release = r)), Infinity);
    let ran = false;
    const late = queue.run(async () => void (ran = true), performance.now() + 1);
    const failing = queue.run(() => Promise.reject(new Error('wire gone')), Infinity);
    const after = queue.run(async () => 'ok', Infinity);
    await new Promise((r) => setTimeout(r, 5));
    release();
    await stuck;
    expect(await late).toBe(EXPIRED);
    expect(ran).toBe(false);
    await expect(failing).rejects.toThrow('wire gone');
    expect(await after).toBe('ok');
  });
});
