// The hall's configuration in <dataDir>/config.json, kept by lowdb. The adapter is explicit (and
// durable): JSONFilePreset would silently keep everything in memory under NODE_ENV=test.
import { access, copyFile, mkdir } from 'node:fs/promises';
import { constants } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { hallConfig } from '@yichuang/shared/config-schemas';
import type { HallConfig } from '@yichuang/shared/domain';
import { dataFolder } from './data-folder.js';
import { DurableJSONFile } from './durable-json-file.js';
import { fileStamp } from './files.js';
import { migrate, SCHEMA_VERSION, type StoredConfig } from './migrations.js';

export type ConfigListener = (after: HallConfig, before: HallConfig) => void;

export class ConfigStore {
  readonly #db: Low<HallConfig>;
  /** Updates run one after another so none is built on a config another is replacing. */
  #queue: Promise<unknown> = Promise.resolve();
  readonly #listeners: ConfigListener[] = [];

  private constructor(db: Low<HallConfig>) {
    this.#db = db;
  }

  /**
   * Seeds a missing file, refuses an unreadable or newer one, migrates an older one after backing it
   * up, and refuses one that does not match the configuration's schema (before writing anything).
   */
  static async open(dataDir: string, seed: () => Promise<HallConfig> | HallConfig): Promise<ConfigStore> {
    await mkdir(dataDir, { recursive: true });
    const folder = dataFolder(dataDir);
    const file = folder.config;
    const adapter = new DurableJSONFile<HallConfig>(file);
    const stored = await readStored(adapter, file);
    const db = new Low<HallConfig>(adapter, (stored as HallConfig | null) ?? (await seed()));

    const version = db.data.schemaVersion;
    if (version > SCHEMA_VERSION) {
      throw new Error(
        `配置文件 ${file} 的数据版本 v${version} 高于本程序支持的 v${SCHEMA_VERSION}，请先升级本程序。` +
          ` / ${file} has schema v${version}, newer than this hub supports (v${SCHEMA_VERSION}); upgrade the hub first.`,
      );
    }
    if (version < SCHEMA_VERSION) {
      await mkdir(folder.backups, { recursive: true });
      await copyFile(file, path.join(folder.backups, `config.v${version}.${fileStamp()}.json`), constants.COPYFILE_EXCL);
      db.data = migrate(db.data as unknown as StoredConfig) as unknown as HallConfig;
    }
    refuseInvalid(db.data, file);
    if (!stored || version < SCHEMA_VERSION) await db.write();
    return new ConfigStore(db);
  }

  /** The live configuration: callers must not mutate it; use update(). */
  get config(): HallConfig {
    return this.#db.data;
  }

  /** Called after every durable change (whoever made it), e.g. to tell the screens. Must not throw. */
  onChange(listener: ConfigListener): void {
    this.#listeners.push(listener);
  }

  /**
   * Writes the changed copy (temp file, fsync, rename), then swaps it in; on failure nothing changes.
   * A mutator may throw to refuse the change: it is then neither written nor announced.
   */
  update(mutator: (draft: HallConfig) => void): Promise<HallConfig> {
    const run = this.#queue.then(async () => {
      const before = this.#db.data;
      const draft = structuredClone(before);
      mutator(draft);
      await this.#db.adapter.write(draft);
      this.#db.data = draft;
      for (const listener of this.#listeners) listener(draft, before);
      return draft;
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

/** Throws, naming the first field that does not match (e.g. windows[2].kind), unless the configuration is valid. */
function refuseInvalid(config: unknown, file: string): void {
  const result = hallConfig.safeParse(config);
  if (result.success) return;
  const [issue, ...more] = result.error.issues;
  const field = issue!.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') || '(根 / root)';
  throw new Error(
    `配置文件 ${file} 中的 ${field} 无效（${issue!.message}）${more.length ? `，另有 ${more.length} 处问题` : ''}，程序拒绝启动，文件未作改动。请修正该项或从 backups 目录恢复。` +
      ` / ${file}: ${field} is invalid (${issue!.message})${more.length ? `, and ${more.length} more` : ''}; refusing to start and leaving the file untouched. Fix it or restore it from backups.`,
  );
}

/** The file's content with a valid schemaVersion, or null when there is no file yet. */
async function readStored(adapter: DurableJSONFile<HallConfig>, file: string): Promise<StoredConfig | null> {
  let data: unknown;
  try {
    data = await adapter.read();
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err;
    throw new Error(
      `配置文件 ${file} 不是有效的 JSON，程序拒绝启动，文件未作改动。请从 backups 目录恢复或修正该文件。` +
        ` / ${file} is not valid JSON; refusing to start and leaving the file untouched. Restore it from backups or fix it.`,
      { cause: err },
    );
  }
  // The adapter also gives null for a file holding the JSON `null`, which must not be overwritten.
  if (data === null && !(await access(file).then(() => true, () => false))) return null;
  const version = typeof data === 'object' && data !== null ? (data as Partial<StoredConfig>).schemaVersion : undefined;
  if (!Number.isInteger(version) || (version as number) < 1) {
    throw new Error(
      `配置文件 ${file} 缺少有效的 schemaVersion，程序拒绝启动。 / ${file} has no valid schemaVersion; refusing to start.`,
    );
  }
  return data as StoredConfig;
}
