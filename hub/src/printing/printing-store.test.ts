import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PrinterFleet } from './printer-fleet.js';
import { PrintingSettingsService } from './printing-settings.js';
import { dataFolder } from '../storage/data-folder.js';
import { defaultPrinting, PrintingStore } from './printing-store.js';

let dir: string;
const file = () => dataFolder(dir).printers;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'printing-store-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('printers.json', () => {
  it('is seeded without printers (every kiosk gives e-tickets) and with a schema version', async () => {
    const store = await PrintingStore.open(dir);
    expect(store.settings.printers).toEqual([]);
    expect(JSON.parse(await readFile(file(), 'utf8'))).toEqual(defaultPrinting());
  });

  it('keeps a change on disk, and refuses one that breaks the schema', async () => {
    const store = await PrintingStore.open(dir);
    await store.update((d) => void (d.layout.paperWidth = 58));
    expect((await PrintingStore.open(dir)).settings.layout.paperWidth).toBe(58);
    await expect(store.update((d) => void ((d.layout as { paperWidth: number }).paperWidth = 76))).rejects.toThrow();
    expect(JSON.parse(await readFile(file(), 'utf8')).layout.paperWidth).toBe(58);
  });

  it('refuses a newer, an invalid or an unreadable file and leaves it alone', async () => {
    for (const [content, message] of [
      [JSON.stringify({ ...defaultPrinting(), schemaVersion: 9 }), /v9/],
      [JSON.stringify({ ...defaultPrinting(), printers: [{ id: 'p' }] }), /printers\.0/],
      ['{"schemaVersion": 1,', /JSON/],
    ] as const) {
      await writeFile(file(), content);
      await expect(PrintingStore.open(dir)).rejects.toThrow(message);
      expect(await readFile(file(), 'utf8')).toBe(content);
    }
  });

  it('a broken file does not stop the hub: no printers, and changes are refused until it is fixed', async () => {
    await writeFile(file(), 'not json');
    const logs: string[] = [];
    const fleet = new PrinterFleet({ publish: () => undefined, clock: Date.now, pollMs: 60_000 });
    const settings = new PrintingSettingsService({ dataDir: dir, config: () => ({ devices: [] }) as never, fleet, audit: {} as never, log: (l) => logs.push(l) });
    await settings.ready;
    expect(settings.settings().printers).toEqual([]);
    expect(logs.join()).toMatch(/printers unavailable/);
    expect(await settings.saveLayout(defaultPrinting().layout, { name: 'test' })).toMatchObject({ ok: false, error: { code: 'PRINTING_CONFIG_UNREADABLE' } });
    expect(await readFile(file(), 'utf8')).toBe('not json');
  });
});
