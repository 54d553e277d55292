// Forward-only migrations of config.json. Each step is frozen once released: it must keep turning
// old files into exactly what it did then, so it never reads today's defaults or types.
import type { QueueRules } from '@yichuang/shared/domain';

export const SCHEMA_VERSION = 2;

/** config.json as found on disk, at any schema version. */
export interface StoredConfig {
  schemaVersion: number;
  [key: string]: unknown;
}

export interface Migration {
  from: number;
  to: number;
  describe: string;
  up(data: StoredConfig): StoredConfig;
}

interface ConfigV1 extends StoredConfig {
  windows: Array<{ categories: string[]; [key: string]: unknown }>;
}

export const migrations: readonly Migration[] = [
  {
    from: 1,
    to: 2,
    describe: 'window categories become { categoryId, weight }; queue rules added with defaults',
    up(data) {
      const v1 = data as ConfigV1;
      const rules: QueueRules = { priorityBurst: 3, recallCap: 2, noShowRequeuePlaces: 3, appointmentEarlyMinutes: 15 };
      return {
        ...v1,
        windows: v1.windows.map((w) => ({ ...w, categories: w.categories.map((categoryId) => ({ categoryId, weight: 1 })) })),
        rules,
      };
    },
  },
];

/** Applies every step from data.schemaVersion up to SCHEMA_VERSION, in order. */
export function migrate(data: StoredConfig): StoredConfig {
  let current = data;
  while (current.schemaVersion < SCHEMA_VERSION) {
    const version = current.schemaVersion;
    const step = migrations.find((m) => m.from === version);
    if (!step) throw new Error(`config: no migration from schema v${version}`);
    current = { ...step.up(current), schemaVersion: step.to };
  }
  return current;
}
