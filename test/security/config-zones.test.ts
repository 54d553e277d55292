// Zones had hours of their own beside the hall's, and nothing read them: walk-in hours are the hall's
// (a category's own hours override them for that category). One source of truth now: a zone is a
// place (name, kiosks and boards in it), and config.json written before loses its zones' hours.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, SCHEMA_VERSION } from '../../hub/src/storage/migrations.js';
import { startTestHub, tempDir } from '../helpers/test-hub.js';

const week = [[], [{ start: '09:00', end: '17:00' }], [], [], [], [], []];

describe('zones without hours of their own', () => {
  it('migrates a config.json whose zones have hours: the hours go, nothing else changes', () => {
    const old = {
      schemaVersion: 4,
      hall: { id: 'h', name: '大厅', schedule: { hours: week }, zones: [{ id: 'hall', name: '办事大厅', nameEn: 'Main hall', hours: week }] },
      devices: [],
    };
    const migrated = migrate(old);
    expect(migrated.schemaVersion).toBe(SCHEMA_VERSION);
    expect(migrated.hall).toEqual({ id: 'h', name: '大厅', schedule: { hours: week }, zones: [{ id: 'hall', name: '办事大厅', nameEn: 'Main hall' }] });
  });

  it('starts a hub on such a file and keeps the hall’s hours as its one source of opening times', async () => {
    const dataDir = await tempDir();
    const first = await startTestHub({ dataDir });
    await first.close();
    const file = path.join(dataDir, 'config.json');
    const current = JSON.parse(await readFile(file, 'utf8')) as { schemaVersion: number; hall: { zones: object[]; schedule: unknown } };
    expect(current.hall.zones.every((z) => !('hours' in z))).toBe(true);
    // As an earlier hub wrote it: version 4, zones with hours.
    await writeFile(file, JSON.stringify({ ...current, schemaVersion: 4, hall: { ...current.hall, zones: current.hall.zones.map((z) => ({ ...z, hours: week })) } }));
    const again = await startTestHub({ dataDir });
    const saved = JSON.parse(await readFile(file, 'utf8')) as typeof current;
    expect(saved.schemaVersion).toBe(SCHEMA_VERSION);
    expect(saved.hall.zones.every((z) => !('hours' in z))).toBe(true);
    expect(saved.hall.schedule).toEqual(current.hall.schedule);
    await again.close();
  });
});
