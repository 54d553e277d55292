import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../engine/types.js';
import { Journal, type JournalEntry } from './journal.js';

const HALL = 'hall-1';
const DAY1 = '2025-03-03';
const DAY2 = '2025-03-04';

function entry(day: string, n: number): JournalEntry {
  const event: EngineEvent = { type: 'window.unpaused', at: n, windowId: `w${n}` };
  return { day, at: n, cmd: `c${n}`, actor: { deviceId: 'd1', staffId: 's1' }, event };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'yichuang-journal-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const dayPath = (day: string) => path.join(dir, 'journal', `${day}.jsonl`);

describe('Journal', () => {
  it('writes a batch to one file with consecutive seqs, hall id and unique ids', async () => {
    const j = await Journal.open(dir, HALL);
    const records = await j.append([entry(DAY1, 1), entry(DAY1, 2), entry(DAY1, 3)]);
    await j.close();
    expect(records.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(new Set(records.map((r) => r.id)).size).toBe(3);
    const lines = (await readFile(dayPath(DAY1), 'utf8')).split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).map((l) => JSON.parse(l))).toEqual(records);
    expect(records[0]).toMatchObject({ v: 1, hall: HALL, day: DAY1, at: 1, cmd: 'c1', actor: { deviceId: 'd1' } });
  });

  it('continues seq across a day change and across reopening', async () => {
    const a = await Journal.open(dir, HALL);
    await a.append([entry(DAY1, 1), entry(DAY1, 2)]);
    const [onDay2] = await a.append([entry(DAY2, 3)]);
    expect(onDay2?.seq).toBe(3);
    expect(await a.days()).toEqual([DAY1, DAY2]);
    expect((await a.readDay(DAY1)).map((r) => r.seq)).toEqual([1, 2]);
    await a.close();

    const b = await Journal.open(dir, HALL);
    expect(b.lastSeq).toBe(3);
    expect(b.openInfo.truncatedBytes).toBe(0);
    await b.append([entry(DAY2, 4)]);
    expect((await b.readDay(DAY2)).map((r) => r.seq)).toEqual([3, 4]);
    await b.close();
  });

  it('keeps seq order and whole lines under concurrent appends', async () => {
    const j = await Journal.open(dir, HALL);
    const batches = Array.from({ length: 50 }, (_, i) => [entry(DAY1, 2 * i), entry(DAY1, 2 * i + 1)]);
    const results = await Promise.all(batches.map((b) => j.append(b)));
    expect(results.flat().map((r) => r.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(results.flat().map((r) => r.at)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    await j.close();
    const onDisk = (await readFile(dayPath(DAY1), 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l).seq);
    expect(onDisk).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('truncates a torn tail on open, and the next append is readable', async () => {
    const a = await Journal.open(dir, HALL);
    await a.append([entry(DAY1, 1), entry(DAY1, 2)]);
    await a.close();
    const clean = await readFile(dayPath(DAY1));
    // Cut inside a multi-byte character, as a crash can: repair must count bytes, not characters.
    await appendFile(dayPath(DAY1), Buffer.concat([Buffer.from('{"v":1,"seq":3,"note":"'), Buffer.from('办').subarray(0, 2)]));

    const b = await Journal.open(dir, HALL);
    expect(b.openInfo.truncatedBytes).toBe(25);
    expect(await readFile(dayPath(DAY1))).toEqual(clean);
    expect(b.lastSeq).toBe(2);
    await b.append([entry(DAY1, 3)]);
    expect((await b.readDay(DAY1)).map((r) => r.seq)).toEqual([1, 2, 3]);
    await b.close();
  });

  it('drops a newline-terminated but unparseable last line on open', async () => {
    const a = await Journal.open(dir, HALL);
    await a.append([entry(DAY1, 1)]);
    await a.close();
    const clean = await readFile(dayPath(DAY1));
    await appendFile(dayPath(DAY1), '{"v":1,"seq":\n');
    const b = await Journal.open(dir, HALL);
    expect(b.openInfo.truncatedBytes).toBe(14);
    expect(await readFile(dayPath(DAY1))).toEqual(clean);
    await b.close();
  });

  it('readDay skips a torn final line', async () => {
    const j = await Journal.open(dir, HALL);
    await j.append([entry(DAY1, 1)]);
    await appendFile(dayPath(DAY1), '{"v":1,"se');
    expect((await j.readDay(DAY1)).map((r) => r.seq)).toEqual([1]);
    await j.close();
  });

  it('refuses a corrupt line in the middle, on readDay and on open', async () => {
    const j = await Journal.open(dir, HALL);
    await j.append([entry(DAY1, 1), entry(DAY1, 2)]);
    await j.close();
    const lines = (await readFile(dayPath(DAY1), 'utf8')).split('\n');
    await writeFile(dayPath(DAY1), [lines[0], '{garbage', lines[1], ''].join('\n'));
    await expect(j.readDay(DAY1)).rejects.toThrow(/line 2 .*corrupt/);
    await expect(Journal.open(dir, HALL)).rejects.toThrow(/corrupt/);
  });

  it('returns [] for a missing day and refuses batches that span days or go back in time', async () => {
    const j = await Journal.open(dir, HALL);
    expect(await j.readDay('2020-01-01')).toEqual([]);
    await expect(j.append([entry(DAY1, 1), entry(DAY2, 2)])).rejects.toThrow(/span/);
    await j.append([entry(DAY2, 1)]);
    await expect(j.append([entry(DAY1, 2)])).rejects.toThrow(/before/);
    expect(await j.append([])).toEqual([]);
    expect(j.lastSeq).toBe(1);
    await j.close();
  });

  it('finds the last seq in an older file when the newest one is empty', async () => {
    const a = await Journal.open(dir, HALL);
    await a.append([entry(DAY1, 1), entry(DAY1, 2)]);
    await a.close();
    await writeFile(dayPath(DAY2), '{"v":1,"id"'); // a crash during the new day's first write
    const b = await Journal.open(dir, HALL);
    expect(b.lastSeq).toBe(2);
    const [next] = await b.append([entry(DAY2, 3)]);
    expect(next?.seq).toBe(3);
    await b.close();
  });
});
