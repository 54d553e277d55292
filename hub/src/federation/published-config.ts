// The hall's configuration as the district receives it: everything that names and shapes the hall
// (categories, windows, staff, devices, rules, evaluation settings), without any secret's hash.
import type { HallConfig } from '@yichuang/shared/domain';

export function publishedConfig(config: HallConfig): string {
  return JSON.stringify({
    ...config,
    staff: config.staff.map(({ pinHash: _pin, passwordHash: _password, ...person }) => person),
    devices: config.devices.map(({ tokenHash: _token, ...device }) => device),
  });
}
