// The suggestion box keeps every line on disk; retention takes the reply numbers of old ones away.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Device } from '@yichuang/shared/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SuggestionBox } from './suggestion-box.js';

const kiosk: Device = { id: 'kiosk-1', name: '1号取号机', role: 'kiosk', tokenHash: 'x', demo: false };
const DAY = 86_400_000;
const MONDAY_10AM = Date.parse('2026-11-23T02:00:00Z');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'yichuang-box-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('suggestion box retention', () => {
  it('drops the reply numbers of suggestions left before the cut-off, on disk too, and keeps the rest', async () => {
    let now = MONDAY_10AM - 400 * DAY;
    const box = await SuggestionBox.open(dir, () => now);
    const old = await box.submit({ cmdId: 'c1', kind: 'complaint', topics: ['waiting'], text: undefined, phone: '13812345678' }, kiosk);
    if (!old.ok) throw new Error(old.error.messageEn);
    await box.handle({ cmdId: 'c2', id: old.data.id, handler: '林雪梅', note: '已电话回复' });
    now = MONDAY_10AM;
    const recent = await box.submit({ cmdId: 'c3', kind: 'suggestion', topics: ['guidance'], text: undefined, phone: '13912345678' }, kiosk);
    if (!recent.ok) throw new Error(recent.error.messageEn);

    expect(await box.forgetContacts('2025-11-23', 'Asia/Shanghai')).toBe(1);
    expect(await box.forgetContacts('2025-11-23', 'Asia/Shanghai')).toBe(0);
    const file = await readFile(path.join(dir, 'suggestions.jsonl'), 'utf8');
    expect(file).not.toContain('138****5678');
    expect(file).toContain('139****5678');
    await box.close();

    const reopened = await SuggestionBox.open(dir, () => now);
    const [first, second] = reopened.list().sort((a, b) => a.at - b.at);
    expect(first).toMatchObject({ id: old.data.id, kind: 'complaint', handled: { by: '林雪梅', note: '已电话回复' } });
    expect(first).not.toHaveProperty('contact');
    expect(second).toMatchObject({ id: recent.data.id, contact: '139****5678' });
    // The file takes appends again after the rewrite.
    expect((await reopened.submit({ cmdId: 'c4', kind: 'praise', topics: ['staff'], text: undefined }, kiosk)).ok).toBe(true);
    await reopened.close();
    expect((await readFile(path.join(dir, 'suggestions.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(4);
  });
});
