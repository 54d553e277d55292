import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { lanBaseUrl, lanBaseUrlEvery, ticketPageUrl } from './page-url.js';

const nic = (address: string, internal: boolean, family: 'IPv4' | 'IPv6' = 'IPv4') =>
  ({ address, internal, family, netmask: '', mac: '', cidr: null }) as NetworkInterfaceInfo;

describe('ticket page address', () => {
  it('links to /t/<number> with the service day', () => {
    expect(ticketPageUrl('http://192.168.1.10:8080', 'A023', '2026-11-23', 'Zx_3-0aBcD')).toBe('http://192.168.1.10:8080/t/A023/2026-11-23/Zx_3-0aBcD');
  });

  it('uses the first LAN address of a hub listening on every interface, never loopback', () => {
    const nics = { lo: [nic('127.0.0.1', true)], eth0: [nic('fe80::1', false, 'IPv6'), nic('192.168.1.10', false)] };
    expect(lanBaseUrl('0.0.0.0', 8080, nics)).toBe('http://192.168.1.10:8080');
    expect(lanBaseUrl('::', 8080, { lo: [nic('127.0.0.1', true)] })).toBe('http://127.0.0.1:8080');
  });

  it('uses the address the hub was told to listen on', () => {
    expect(lanBaseUrl('10.0.0.5', 80, {})).toBe('http://10.0.0.5:80');
    expect(lanBaseUrl('fd00::5', 80, {})).toBe('http://[fd00::5]:80');
  });

  it('reads the interfaces again only after a while, or when the port changes', () => {
    let now = 0;
    let reads = 0;
    let nics = { eth0: [nic('192.168.1.10', false)] };
    let port = 8080;
    const base = lanBaseUrlEvery('0.0.0.0', () => port, 30_000, () => now, () => (reads++, nics));
    expect([base(), base(), base()]).toEqual(Array(3).fill('http://192.168.1.10:8080'));
    expect(reads).toBe(1);
    nics = { eth0: [nic('192.168.1.77', false)] };
    now = 29_999;
    expect(base()).toBe('http://192.168.1.10:8080');
    now = 30_000;
    expect(base()).toBe('http://192.168.1.77:8080');
    port = 8081;
    expect(base()).toBe('http://192.168.1.77:8081');
    expect(reads).toBe(3);
  });
});
