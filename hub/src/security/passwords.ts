// Staff PINs and console passwords are stored as argon2id hashes (memory-hard), never in clear.
// Hashes made before schema v4 are scrypt: they still verify, and are replaced at the next sign-in.
import { hash, verify } from '@node-rs/argon2';
import { scrypt, timingSafeEqual } from 'node:crypto';

/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane (about 40 ms here). The package's default algorithm is argon2id. */
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const CURRENT_PREFIX = `$argon2id$v=19$m=${ARGON2.memoryCost},t=${ARGON2.timeCost},p=${ARGON2.parallelism}$`;

/**
 * The hash of a random secret nobody knows: an unknown staff number, or an account without a
 * password, costs the same argon2 check as a wrong secret, so timing does not tell them apart.
 */
export const NOBODY = '$argon2id$v=19$m=19456,t=2,p=1$z9TjH4Z/TZjzcWz1tCQ25Q$vWE2xQ8NGALF2Iy300U+Qnpd+Bih8Z1MAkM4A00La+Y';

export function hashSecret(secret: string): Promise<string> {
  return hash(secret, ARGON2);
}

export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  if (stored.startsWith('$argon2')) return verify(stored, secret).catch(() => false);
  if (stored.startsWith('scrypt$')) return verifyScrypt(secret, stored);
  return false;
}

/** Made by an older scheme or with other parameters: replace it once the secret has been checked. */
export function isOutdated(stored: string): boolean {
  return !stored.startsWith(CURRENT_PREFIX);
}

/** 'scrypt$N$r$p$saltB64$hashB64', as written by hubs before schema v4. */
async function verifyScrypt(secret: string, stored: string): Promise<boolean> {
  const [, n, r, p, salt, expectedB64] = stored.split('$');
  if (!salt || !expectedB64) return false;
  const expected = Buffer.from(expectedB64, 'base64');
  const options = { N: Number(n), r: Number(r), p: Number(p), maxmem: 64 * 1024 * 1024 };
  const key = await new Promise<Buffer | undefined>((resolve) =>
    scrypt(secret, Buffer.from(salt, 'base64'), expected.length, options, (err, derived) => resolve(err ? undefined : derived)),
  );
  return key !== undefined && key.length === expected.length && timingSafeEqual(key, expected);
}
