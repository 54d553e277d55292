// The hall's secret key, and masking with a keyed hash.
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PersonalData } from './personal-data.js';
import { loadSecretKey } from './secret-key.js';

describe('personal data and the secret key', () => {
  it('creates the key once (32 bytes, 0600), keeps it, and refuses a damaged one once something depends on it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'yichuang-key-'));
    const file = path.join(dir, 'secret.key');
    const logs: string[] = [];
    const use = (inUse: boolean) => ({ inUse, log: (l: string) => logs.push(l) });
    try {
      const key = await loadSecretKey(dir, use(false));
      expect(key).toHaveLength(32);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect((await loadSecretKey(dir, use(true))).equals(key)).toBe(true);
      await writeFile(file, 'short');
      await expect(loadSecretKey(dir, use(true))).rejects.toThrow(/secret\.key 已损坏.*备份.*secret\.key is damaged \(5 bytes/);
      expect(await readFile(file, 'utf8')).toBe('short');
      // Nothing recorded yet: the damaged key is kept aside and a new one made.
      const made = await loadSecretKey(dir, use(false));
      expect(made).toHaveLength(32);
      expect(made.equals(key)).toBe(false);
      expect((await readdir(dir)).filter((f) => f.startsWith('secret.key.damaged-'))).toHaveLength(1);
      expect(logs.join('\n')).toMatch(/secret\.key.*新密钥.*new key/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('masks a number and hashes it with the key: same person, same hash; another key, another hash', () => {
    const a = new PersonalData(Buffer.alloc(32, 1));
    const b = new PersonalData(Buffer.alloc(32, 2));
    const phone = { kind: 'phone' as const, value: '13812345678' };
    expect(a.mask(phone)).toEqual({ kind: 'phone', masked: '138****5678', hash: a.hash(phone) });
    expect(a.hash(phone)).toBe(a.hash({ ...phone }));
    expect(a.hash(phone)).not.toBe(b.hash(phone));
    expect(a.hash({ kind: 'id', value: '11010519491231002x' })).toBe(a.hash({ kind: 'id', value: '11010519491231002X' }));
    expect(JSON.stringify(a.mask(phone))).not.toContain('13812345678');
  });
});
