// The outbox file stays small: a hub that has sent thousands of records keeps only the latest sent and
// the unsent ones (with their failed tries), counts the rest, and writes its file again at start.
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HallConfig } from '@yichuang/shared/domain';
import type { Rating } from '@yichuang/shared/ratings';
import type { EngineState } from '../../hub/src/engine/types.js';
import { ProvinceOutbox } from '../../hub/src/province/outbox.js';
import type { Journal } from '../../hub/src/storage/journal.js';
import { tempDir } from '../helpers/test-hub.js';

let dataDir: string;
/** All the outbox reads of the configuration without records to build: whether a push address is set. */
const config = { evaluation: { platform: { endpoint: '' } } } as HallConfig;
beforeEach(async () => {
  dataDir = await tempDir('yichuang-outbox-');
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** A journal with nothing after the outbox's last record: only its end is read. */
const journal = { lastSeq: 5000, days: () => Promise.resolve(['2026-11-23']), readDay: () => Promise.resolve([]) } as unknown as Journal;

async function open(options: { config?: HallConfig; journal?: Journal; state?: EngineState } = {}): Promise<ProvinceOutbox> {
  return ProvinceOutbox.open({
    dataDir,
    journal: options.journal ?? journal,
    state: () => options.state ?? ({ day: '2026-11-23' } as EngineState),
    config: () => options.config ?? config,
    clock: () => Date.parse('2026-11-23T08:00:00Z'),
    log: () => undefined,
    post: () => Promise.reject(new Error('no endpoint is set: nothing is posted')),
  });
}

const record = (n: number): object => ({ id: `r${n}`, kind: 'rating', seq: n, day: '2026-11-23', body: { recordId: `r${n}` } });

describe('the outbox file', () => {
  it('keeps the unsent records and the latest sent, counts the others, and is written again smaller', async () => {
    const lines: object[] = [{ t: 'start', seq: 0, day: '2026-11-23' }];
    for (let n = 1; n <= 3000; n++) lines.push({ t: 'queued', at: n, record: record(n) }, { t: 'sent', id: `r${n}`, at: n + 1 });
    lines.push({ t: 'queued', at: 4000, record: record(4000) }, { t: 'failed', id: 'r4000', at: 4001, reason: 'HTTP 500' }, { t: 'failed', id: 'r4000', at: 4002, reason: 'HTTP 502' });
    lines.push({ t: 'queued', at: 4001, record: record(4001) });
    const file = path.join(dataDir, 'province-outbox.jsonl');
    await writeFile(file, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));

    const outbox = await open();
    const view = outbox.view();
    await outbox.stop();
    expect(view.counts).toEqual({ sent: 3000, waiting: 1, failed: 1 });
    expect(view.items.slice(0, 2)).toMatchObject([
      { id: 'r4000', state: 'failed', tries: 2, reason: 'HTTP 502' },
      { id: 'r4001', state: 'waiting', tries: 0 },
    ]);
    expect(view.items.slice(2).map((i) => i.id)).toEqual(Array.from({ length: 20 }, (_, i) => `r${3000 - i}`));

    const written = (await readFile(file, 'utf8')).trim().split('\n');
    expect(written.length).toBe(1 + 20 * 2 + 2);
    expect(JSON.parse(written[0]!)).toEqual({ t: 'start', seq: 4001, day: '2026-11-23', sent: 2980 });

    // Read again, it is the same outbox.
    const again = await open();
    expect(again.view()).toEqual(view);
    await again.stop();
  });
});

describe('the region code', () => {
  const rating: Rating = { ticketId: '2026-11-23/A001', ticketNumber: 'A001', categoryId: 'general', windowId: 'w01', staffId: 's1', channel: 'pad', finishedAt: 1, at: 2, level: 'satisfied', code: 4, reasons: [] };
  const state = { day: '2026-11-23', evaluation: { ratings: { [rating.ticketId]: rating }, cases: {}, pads: {} } } as unknown as EngineState;
  /** The journal has one rating after where the outbox had got to: read when the outbox opens. */
  const journal = {
    lastSeq: 2,
    days: () => Promise.resolve(['2026-11-23']),
    readDay: () => Promise.resolve([{ seq: 2, day: '2026-11-23', event: { type: 'rating.recorded', at: 2, ticketId: rating.ticketId } }]),
  } as unknown as Journal;
  const hall = (regionCode: string): HallConfig =>
    ({ hall: { id: 'h1', timeZone: 'Asia/Shanghai' }, categories: [], windows: [], staff: [], evaluation: { platform: { profile: 'national', regionCode, channelCodes: { pad: '1', kiosk: '2', phone: '3' }, endpoint: '' } } }) as unknown as HallConfig;

  it('is needed before any record is made: a hall without one only exports', async () => {
    for (const [regionCode, waiting] of [['', 0], ['330106', 1]] as const) {
      await writeFile(path.join(dataDir, 'province-outbox.jsonl'), `${JSON.stringify({ t: 'start', seq: 1, day: '2026-11-23' })}\n`);
      const outbox = await open({ config: hall(regionCode), journal, state });
      await outbox.stop(); // once what it had to read is read
      expect(outbox.view().counts).toEqual({ sent: 0, waiting, failed: 0 });
      if (waiting) expect(outbox.view().items[0]).toMatchObject({ id: '330106h120261123A001', kind: 'rating' });
    }
  });
});
