// Device tokens: 256 random bits given to a device once at pairing; the hub keeps only their
// SHA-256 (a slow hash buys nothing for random tokens, and every handshake looks one up).
import { createHash, randomBytes } from 'node:crypto';
import type { Device } from '@yichuang/shared/domain';

export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The form stored in config.devices[].tokenHash (schema v4's migration writes the same). */
export function tokenHash(token: string): string {
  return `sha256:${createHash('sha256').update(token, 'utf8').digest('base64url')}`;
}

/** The device a presented token belongs to, if any. */
export function deviceByToken(devices: readonly Device[], token: unknown): Device | undefined {
  if (typeof token !== 'string' || token.length === 0 || token.length > 200) return undefined;
  const hash = tokenHash(token);
  return devices.find((d) => d.tokenHash === hash);
}

/** The well-known token of a demo device ('demo-' + id), for the demo screens' links. */
export function demoToken(device: Device): string | undefined {
  const token = `demo-${device.id}`;
  return device.demo && device.tokenHash === tokenHash(token) ? token : undefined;
}
