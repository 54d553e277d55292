// Forward-only migrations of config.json. Each step is frozen once released: it must keep turning
// old files into exactly what it did then, so it never reads today's defaults or types.
import { createHash } from 'node:crypto';
import type { QueueRules } from '@yichuang/shared/domain';

export const SCHEMA_VERSION = 6;

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

interface ConfigV4 extends StoredConfig {
  hall: { zones: Array<{ hours?: unknown; [key: string]: unknown }>; [key: string]: unknown };
}

interface ConfigV5 extends StoredConfig {
  evaluation: Record<string, unknown>;
}

interface ConfigV3 extends StoredConfig {
  devices: Array<{ token: string; [key: string]: unknown }>;
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
  {
    from: 2,
    to: 3,
    describe: 'evaluation settings (好差评 reasons, pad timeout, case deadlines) added with defaults',
    up(data) {
      return {
        ...data,
        evaluation: {
          badReasons: ['服务态度', '办事效率', '多次跑动', '材料要求不清', '系统故障', '其他'],
          padTimeoutSeconds: 60,
          caseDeadlines: { verifyDays: 1, rectifyDays: 5, followUpDays: 10 },
        },
      };
    },
  },
  {
    from: 3,
    to: 4,
    describe:
      'device tokens kept only as SHA-256 hashes; personal-data retention added (365 days). ' +
      'PIN hashes stay as they are: scrypt ones are replaced by argon2id at each staff member\'s next sign-in',
    up(data) {
      const v3 = data as ConfigV3;
      return {
        ...v3,
        devices: v3.devices.map(({ token, ...device }) => ({
          ...device,
          tokenHash: `sha256:${createHash('sha256').update(token, 'utf8').digest('base64url')}`,
        })),
        retention: { personalDataDays: 365 },
      };
    },
  },
  {
    from: 4,
    to: 5,
    describe: "zones' own hours removed: nothing read them (walk-in hours are the hall's, a category's override them)",
    up(data) {
      const v4 = data as ConfigV4;
      return { ...v4, hall: { ...v4.hall, zones: v4.hall.zones.map(({ hours: _hours, ...zone }) => zone) } };
    },
  },
  {
    from: 5,
    to: 6,
    describe: 'provincial platform settings added to the evaluation: national profile, region code and endpoint left for the hall to set',
    up(data) {
      const v5 = data as ConfigV5;
      const platform = { profile: 'national', regionCode: '', channelCodes: { pad: '1', kiosk: '2', phone: '3' }, endpoint: '' };
      return { ...v5, evaluation: { ...v5.evaluation, platform } };
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
