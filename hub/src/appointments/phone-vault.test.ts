import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataFolder } from '../storage/data-folder.js';
import { PhoneVault } from './phone-vault.js';

/** Bookings depend on the key: a damaged one is refused, never replaced. */
const IN_USE = { inUse: true, log: () => undefined };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vault-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('phone vault', () => {
  it('keys a number the same way across restarts, and differently per hall', async () => {
    const a = await PhoneVault.open(dir, IN_USE);
    expect((await stat(dataFolder(dir).appointmentsKey)).mode & 0o777).toBe(0o600);
    expect(a.key('13812345678')).toBe((await PhoneVault.open(dir, IN_USE)).key('13812345678'));
    expect(a.key('13812345678')).not.toBe(a.key('13812345679'));
    expect(a.key('13812345678')).not.toContain('5678');
    const other = await mkdtemp(path.join(os.tmpdir(), 'vault-'));
    expect((await PhoneVault.open(other, IN_USE)).key('13812345678')).not.toBe(a.key('13812345678'));
    await rm(other, { recursive: true });
  });

  it('seals a number for the notice sender only, and refuses a tampered seal', async () => {
    const vault = await PhoneVault.open(dir, IN_USE);
    const sealed = vault.seal('13812345678');
    expect(sealed).not.toContain('13812345678');
    expect(vault.seal('13812345678')).not.toBe(sealed);
    expect(vault.unseal(sealed)).toBe('13812345678');
    expect(vault.unseal(`${sealed.slice(0, -2)}AA`)).toBeUndefined();
    expect(vault.unseal('13812345678')).toBeUndefined();
  });

  it('refuses a damaged key file rather than start keying numbers differently', async () => {
    await writeFile(dataFolder(dir).appointmentsKey, 'not a key');
    await expect(PhoneVault.open(dir, IN_USE)).rejects.toThrow(/已损坏.*预约的手机号.*备份.*is damaged.*bookings' phone numbers.*backup/);
    expect(await readFile(dataFolder(dir).appointmentsKey, 'utf8')).toBe('not a key');
  });
});
