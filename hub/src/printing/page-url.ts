// The address of a ticket's live page (/t/<number>/<day>/<signature>), for the QR code on the slip
// and on the kiosk's screen; the signature lets that phone rate the visit later. Phones open it over the hall's LAN, so "localhost" will not do: unless the hall set
// an address, the hub's first LAN address is used.
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

export function ticketPageUrl(base: string, number: string, day: string, signature: string): string {
  return `${base}/t/${encodeURIComponent(number)}/${encodeURIComponent(day)}/${encodeURIComponent(signature)}`;
}

const WILDCARDS = new Set(['', '0.0.0.0', '::']);

/** http://<address>:<port> of this hub as a phone on the LAN would reach it. */
export function lanBaseUrl(host: string, port: number, interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): string {
  const address = WILDCARDS.has(host) ? (firstLanAddress(interfaces) ?? '127.0.0.1') : host;
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
}

/**
 * lanBaseUrl as a function read once per printed slip, the interfaces looked at again at most every
 * `everyMs` (by `monotonicMs`): reading them costs ~0.3 ms a ticket, and a hall's address changes
 * rarely (a new DHCP lease shows on the next slips within that time).
 */
export function lanBaseUrlEvery(
  host: string,
  port: () => number,
  everyMs = 30_000,
  monotonicMs: () => number = () => performance.now(),
  interfaces: () => NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces,
): () => string {
  let address: { url: string; port: number; at: number } | undefined;
  return () => {
    const now = monotonicMs();
    const p = port();
    if (!address || address.port !== p || now - address.at >= everyMs) address = { url: lanBaseUrl(host, p, interfaces()), port: p, at: now };
    return address.url;
  };
}

function firstLanAddress(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): string | undefined {
  for (const list of Object.values(interfaces)) {
    for (const i of list ?? []) if (i.family === 'IPv4' && !i.internal) return i.address;
  }
  return undefined;
}
