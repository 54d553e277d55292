// A small secret that only its owner may read (mode 0600): the hall's keys (secret.key,
// appointments.key) and a print agent's device token. Written whole or not at all and synced with
// its folder, so a power cut never leaves half a key, nor a key whose name is lost.
import { chmod, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Bilingual } from '@yichuang/shared/errors';
import { checkReplaceable, createFile, ensureFolder, fileStamp, moveAside, readFileIfAny, removeFile, replaceFile } from './files.js';

const OWNER_ONLY = 0o600;

/** What a key file must hold, and what a damaged one may be replaced by. */
export interface KeyRules {
  /** Whether the stored bytes are a key of this kind. */
  valid(stored: Buffer): boolean;
  /** Nothing was sealed with the stored key, so a damaged one may be replaced by a new key. */
  replaceable: boolean;
  /** What depends on the key, for the refusal when it is damaged and not replaceable. */
  protects: Bilingual;
}

export class SecretFile {
  constructor(readonly path: string) {}

  /** Its bytes; undefined when there is none yet. */
  read(): Promise<Buffer | undefined> {
    return readFileIfAny(this.path);
  }

  /**
   * The key, made by `make` when there is none yet (never over one another start has just made).
   * A stored key that `rules` call invalid (an empty file left by a crash under an older hub, a
   * damaged disk) is kept aside as `<file>.damaged-<stamp>` and made anew when nothing was sealed with
   * it; otherwise the hub must not start without the original, and the error says so in both languages.
   */
  async readOrCreate(make: () => string | Buffer, rules: KeyRules, log: (line: string) => void): Promise<Buffer> {
    const stored = await this.read();
    if (stored !== undefined && rules.valid(stored)) return stored;
    const name = path.basename(this.path);
    if (stored !== undefined) {
      const what = stored.length === 0 ? { zh: '空文件', en: 'empty' } : { zh: `${stored.length} 字节，不是有效的密钥`, en: `${stored.length} bytes, not a valid key` };
      if (!rules.replaceable) {
        throw new Error(
          `${this.path} 已损坏（${what.zh}），而${rules.protects.zh}依赖它，程序拒绝启动。请从备份恢复该文件。` +
            ` / ${this.path} is damaged (${what.en}) and ${rules.protects.en} depend on it; refusing to start. Restore it from a backup.`,
        );
      }
      const aside = `${this.path}.damaged-${fileStamp()}`;
      await moveAside(this.path, aside);
      log(`${name} 已损坏（${what.zh}），尚无数据依赖它：已另存为 ${aside}，并生成新密钥 / ${name} was damaged (${what.en}) and nothing depended on it yet: kept as ${aside}, and a new key made`);
    }
    const made = make();
    await createFile(this.path, made, OWNER_ONLY);
    return Buffer.from(made);
  }

  /** Whether others than its owner may read it (Windows has no such mode bits). */
  async readableByOthers(): Promise<boolean> {
    return process.platform !== 'win32' && ((await stat(this.path)).mode & 0o077) !== 0;
  }

  /** Takes others' access away, e.g. from a copy restored by hand. */
  async restrictToOwner(): Promise<void> {
    await chmod(this.path, OWNER_ONLY);
  }

  /** Replaces it whole; readable by nobody else at any moment. Its folder is made (0700) if missing. */
  async write(secret: string | Buffer): Promise<void> {
    await ensureFolder(path.dirname(this.path), 0o700);
    await replaceFile(this.path, secret, OWNER_ONLY);
  }

  /** Fails as write() would, writing nothing: for checking before a secret is handed out that it can be kept. */
  async checkWritable(): Promise<void> {
    await ensureFolder(path.dirname(this.path), 0o700);
    await checkReplaceable(this.path, OWNER_ONLY);
  }

  remove(): Promise<void> {
    return removeFile(this.path);
  }
}
