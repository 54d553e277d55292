// The hall-wide lock with group commit: commands that arrive together are decided one after another
// and journaled with one write; each gets its own answer, and a failed write changes nothing.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { local, makeConfig } from '../engine/test-fixtures.js';
import type { Command } from '../engine/types.js';
import { Journal } from '../storage/journal.js';
import { HallService } from './hall-service.js';

const issue: Command = { type: 'issue', categoryId: 'general', priority: 'normal', source: 'kiosk' };
const kiosk = { deviceId: 'kiosk-1' };

let dir: string;
let journal: Journal;
let appends: number;
let failWrites: boolean;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'yichuang-hall-'));
  journal = await Journal.open(dir, 'h');
  appends = 0;
  failWrites = false;
  const append = journal.append.bind(journal);
  journal.append = (entries) => {
    appends++;
    return failWrites ? Promise.reject(new Error('disk full')) : append(entries);
  };
});
afterEach(async () => {
  await journal.close();
  await rm(dir, { recursive: true, force: true });
});

const open = (): Promise<HallService> => HallService.load({ journal, config: () => makeConfig(), clock: () => local('2026-11-23 10:00'), log: () => {} });
const numbers = (hall: HallService): string[] => Object.values(hall.current.tickets).map((t) => t.number);

describe('HallService', () => {
  it('journals commands that come together in one write, in order, each with its own answer', async () => {
    const hall = await open();
    await hall.execute(issue, kiosk, 'k:first');
    appends = 0;
    const answers = await Promise.all([
      ...Array.from({ length: 8 }, (_, i) => hall.execute(issue, kiosk, `k:${i}`)),
      hall.execute({ ...issue, categoryId: 'nowhere' }, kiosk, 'k:bad'),
      hall.execute(issue, kiosk, 'k:3'), // a retry inside the same batch
    ]);
    expect(appends).toBe(1);
    const issued = answers.slice(0, 8).map((a) => (a.ok ? a.data.map((r) => (r.event.type === 'ticket.issued' ? r.event.number : r.event.type)) : a.error.code));
    expect(issued).toEqual(['A002', 'A003', 'A004', 'A005', 'A006', 'A007', 'A008', 'A009'].map((n) => [n]));
    expect(answers[8]).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CATEGORY' } });
    expect(answers[9]).toEqual(answers[3]);
    expect(numbers(hall)).toHaveLength(9);
    const lines = (await readFile(path.join(dir, 'journal', '2026-11-23.jsonl'), 'utf8')).trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { seq: number }).seq)).toEqual(lines.map((_, i) => i + 1));
    // A restart rebuilds the same state, and remembers every command's answer.
    const again = await open();
    expect(numbers(again)).toEqual(numbers(hall));
    expect(await again.execute(issue, kiosk, 'k:5')).toEqual(answers[5]);
  });

  it('journals with one write the commands of one turn of the event loop, each from its own socket message', async () => {
    const hall = await open();
    await hall.execute(issue, kiosk, 'k:first');
    appends = 0;
    // Ten kiosks pressed at once: their messages are handled one after another in the same turn.
    const answers = await new Promise<Promise<unknown>[]>((resolve) => {
      const sent: Promise<unknown>[] = [];
      for (let i = 0; i < 10; i++) setImmediate(() => sent.push(hall.execute(issue, kiosk, `k:burst:${i}`)) === 10 && resolve(sent));
    }).then((sent) => Promise.all(sent));
    expect(answers).toHaveLength(10);
    expect(appends).toBe(1);
    expect(numbers(hall)).toHaveLength(11);
  });

  it('writes the next batch while the last one\'s listeners run, and shows it only after them', async () => {
    const hall = await open();
    await hall.execute(issue, kiosk, 'k:first');
    await new Promise(setImmediate); // its listeners have run
    appends = 0;
    // What each listener call saw: how many writes had begun, and the tickets of the state.
    const seen: Array<{ appends: number; tickets: number }> = [];
    hall.onRecords(() => seen.push({ appends, tickets: numbers(hall).length }));
    // A second command comes while the first is being written.
    let second: Promise<unknown> | undefined;
    const append = journal.append.bind(journal);
    journal.append = (entries) => {
      second ??= hall.execute(issue, kiosk, 'k:second');
      return append(entries);
    };
    await hall.execute(issue, kiosk, 'k:a');
    await second;
    await new Promise(setImmediate);
    expect(seen).toEqual([
      { appends: 2, tickets: 2 },
      { appends: 2, tickets: 3 },
    ]);
  });

  it('answers every command of a batch whose write failed with STORAGE_FAILED, and keeps the state as it was', async () => {
    const hall = await open();
    await hall.execute(issue, kiosk, 'k:first');
    const before = structuredClone(hall.current);
    failWrites = true;
    const answers = await Promise.all([hall.execute(issue, kiosk, 'k:a'), hall.execute(issue, kiosk, 'k:b'), hall.execute(issue, kiosk, 'k:c')]);
    expect(answers.map((a) => !a.ok && a.error.code)).toEqual(['STORAGE_FAILED', 'STORAGE_FAILED', 'STORAGE_FAILED']);
    expect(hall.current).toEqual(before);
  });

  it('goes on from the durable state after a failed write: the next batch is decided as if the failed one never came', async () => {
    const hall = await open();
    await hall.execute(issue, kiosk, 'k:first');
    failWrites = true;
    await Promise.all([hall.execute(issue, kiosk, 'k:a'), hall.execute(issue, kiosk, 'k:b')]);
    failWrites = false;
    const answers = await Promise.all([hall.execute(issue, kiosk, 'k:c'), hall.execute(issue, kiosk, 'k:d'), hall.execute(issue, kiosk, 'k:e')]);
    expect(answers.map((a) => a.ok && a.data[0]?.event.type === 'ticket.issued' && a.data[0].event.number)).toEqual(['A002', 'A003', 'A004']);
    expect(numbers(hall)).toEqual(['A001', 'A002', 'A003', 'A004']);
  });

  it('ends a mixed day, run in batches, in the state a replay of its journal makes', async () => {
    const hall = await open();
    const w = (windowId: string, staffId: string) => hall.execute({ type: 'signIn', windowId, staffId }, { deviceId: windowId, staffId });
    await Promise.all([w('w1', 's1'), w('w2', 's2'), w('w3', 's3')]);
    for (let round = 0; round < 4; round++) {
      await Promise.all(['general', 'social', 'estate', 'general'].map((categoryId, i) => hall.execute({ ...issue, categoryId }, kiosk, `k:${round}:${i}`)));
      const at = (windowId: string) => ({ deviceId: windowId });
      await Promise.all(['w1', 'w2', 'w3'].map((windowId) => hall.execute({ type: 'callNext', windowId }, at(windowId))));
      await Promise.all(['w1', 'w2', 'w3'].map((windowId) => hall.execute({ type: 'start', windowId }, at(windowId))));
      await Promise.all(['w1', 'w2', 'w3'].map((windowId) => hall.execute({ type: 'finish', windowId, outcome: 'done' }, at(windowId))));
      const finished = Object.values(hall.current.tickets).filter((t) => t.state === 'finished' && !hall.current.evaluation?.ratings[t.id]);
      await Promise.all(
        finished.map((t, i) =>
          hall.execute({ type: 'rateVisit', number: t.number, channel: 'phone', level: i % 2 ? 'very-satisfied' : 'dissatisfied', reasons: i % 2 ? [] : ['服务态度'] }, kiosk),
        ),
      );
    }
    const cases = Object.keys(hall.current.evaluation?.cases ?? {});
    expect(cases.length).toBeGreaterThan(0);
    const by = { deviceId: 'console-1', staffId: 's1', name: '员工s1' };
    const verified = await Promise.all(cases.map((caseId) => hall.execute({ type: 'verifyCase', caseId, verdict: 'confirmed', notes: '属实', by }, kiosk)));
    expect(verified.every((a) => a.ok)).toBe(true);
    expect((await open()).current).toEqual(hall.current);
  });
});
