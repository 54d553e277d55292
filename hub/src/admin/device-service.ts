// Devices on the console's devices page: pairing a new screen by its code (role and place chosen by
// the manager), revoking a device (it is told, then disconnected at once, and its token is dead; a
// window left without its caller is signed out), and the list with demo devices marked.
import { consolesLeft, DEVICE_PLACES, SCREEN_PAGES, windowsLosingCallers, type AuditActor, type DeviceList, type DeviceView } from '@yichuang/shared/admin';
import type * as A from '@yichuang/shared/admin-schemas';
import type { Device, HallConfig } from '@yichuang/shared/domain';
import { appError, type Ack } from '@yichuang/shared/errors';
import type { z } from 'zod';
import type { Broadcaster } from '../realtime/broadcaster.js';
import type { AuditLog } from '../security/audit-log.js';
import { writeAudit } from '../security/audit-write.js';
import { newDeviceToken, tokenHash } from '../security/device-tokens.js';
import type { PairingCodes } from '../security/pairing.js';
import type { Sessions } from '../security/sessions.js';
import type { HallService } from '../hall/hall-service.js';
import type { ConfigStore } from '../storage/config-store.js';
import { refuse, Refusal } from './config-change.js';

export interface DeviceServiceDeps {
  store: ConfigStore;
  hall: HallService;
  pairing: PairingCodes;
  sessions: Sessions;
  audit: AuditLog;
  broadcaster: Broadcaster;
  clock: () => number;
  log: (line: string) => void;
}

/**
 * Screens coming and going are told to the consoles at most this often: after a hub restart 500 of
 * them reconnect within a second or two, and a list per screen (500 lists to every console) was among
 * the restarted hub's largest costs. A manager's own changes (pairing, revoking) go out at once.
 */
const PRESENCE_GATHER_MS = 1000;

const PLACE_NAMES = { windowId: ['窗口', 'a window'], zone: ['区域', 'a zone'], kioskId: ['取号机', 'a kiosk'] } as const;

export class DeviceService {
  #presenceTimer: ReturnType<typeof setTimeout> | undefined;
  #presenceSentAt = -Infinity;

  constructor(private readonly deps: DeviceServiceDeps) {}

  list(): DeviceList {
    const devices = this.deps.store.config.devices.map(({ tokenHash: _hash, ...device }): DeviceView => ({ ...device, online: this.deps.broadcaster.online(device.id) }));
    return { devices, requests: this.deps.pairing.open() };
  }

  /** Tells every console what changed (a new pairing request, a device paired or revoked). */
  announce(): void {
    this.#presenceSentAt = performance.now();
    this.deps.broadcaster.toRoles('console').emit('device:listChanged', this.list());
  }

  /** A screen connected or left: the list goes out at once if none went out in the last second, else once at the end of it (made then, so it is right). */
  presenceChanged(): void {
    if (this.#presenceTimer) return;
    const wait = this.#presenceSentAt + PRESENCE_GATHER_MS - performance.now();
    if (wait <= 0) return this.announce();
    this.#presenceTimer = setTimeout(() => {
      this.#presenceTimer = undefined;
      this.announce();
    }, wait);
    this.#presenceTimer.unref();
  }

  close(): void {
    clearTimeout(this.#presenceTimer);
  }

  async approve({ code, device: input }: z.output<typeof A.approveDevice>, actor: AuditActor): Promise<Ack<DeviceList>> {
    if (!this.deps.pairing.has(code)) return { ok: false, error: appError('UNKNOWN_PAIRING_CODE', { code }) };
    const token = newDeviceToken();
    let device: Device | undefined;
    try {
      await this.deps.store.update((draft) => {
        device = { ...placed(draft, input), tokenHash: tokenHash(token), demo: false, pairedAt: this.deps.clock() };
        draft.devices.push(device);
      });
    } catch (err) {
      if (err instanceof Refusal) return { ok: false, error: err.error };
      throw err;
    }
    // The screen may have given up meanwhile; the device stays paired, its token unclaimed.
    this.deps.pairing.approve(code, { token, page: SCREEN_PAGES[device!.role] });
    await this.#audit(actor, 'device.pair', device!.id, { after: { ...device!, tokenHash: undefined, code } });
    this.announce();
    return { ok: true, data: this.list() };
  }

  async revoke({ deviceId }: z.output<typeof A.revokeDevice>, actor: AuditActor): Promise<Ack<DeviceList>> {
    const device = this.deps.store.config.devices.find((d) => d.id === deviceId);
    if (!device) return { ok: false, error: appError('UNKNOWN_DEVICE', { deviceId }) };
    return this.#remove([device], actor);
  }

  revokeDemo(actor: AuditActor): Promise<Ack<DeviceList>> {
    return this.#remove(this.deps.store.config.devices.filter((d) => d.demo), actor);
  }

  async #remove(devices: readonly Device[], actor: AuditActor): Promise<Ack<DeviceList>> {
    const ids = new Set(devices.map((d) => d.id));
    // The last console would take with it the only way to pair another.
    if (devices.some((d) => d.role === 'console') && consolesLeft(this.deps.store.config.devices, ids) === 0) return { ok: false, error: appError('LAST_CONSOLE') };
    if (ids.size === 0) return { ok: true, data: this.list() };
    for (const windowId of windowsLosingCallers(this.deps.store.config.devices, ids)) {
      const released = await this.deps.hall.execute({ type: 'releaseWindow', windowId, note: '窗口终端已撤销 / window caller revoked' }, { deviceId: actor.deviceId ?? 'hub', staffId: actor.staffId });
      if (!released.ok) return released;
    }
    await this.deps.store.update((draft) => void (draft.devices = draft.devices.filter((d) => !ids.has(d.id))));
    for (const device of devices) {
      await this.deps.sessions.closeWhere((s) => s.deviceId === device.id);
      // Told first, so the screen drops to pairing instead of retrying a dead token.
      this.deps.broadcaster.toDevices([device.id]).emit('device:revoked', { at: this.deps.clock() });
      this.deps.broadcaster.disconnect(device.id);
      await this.#audit(actor, 'device.revoke', device.id, { before: { ...device, tokenHash: undefined } });
    }
    this.announce();
    return { ok: true, data: this.list() };
  }

  async #audit(actor: AuditActor, action: string, target: string, record: { before?: unknown; after?: unknown }): Promise<void> {
    await writeAudit(this.deps.audit, this.deps.log, { actor, action, target, ...record });
  }
}

/** The new device with its place checked against the configuration it joins. */
function placed(config: HallConfig, input: z.output<typeof A.approveDevice>['device']): Omit<Device, 'tokenHash' | 'demo'> {
  const { role, name } = input;
  const id = input.id ?? nextId(config, role);
  if (config.devices.some((d) => d.id === id)) refuse('DUPLICATE_ID', { id });
  const device: Omit<Device, 'tokenHash' | 'demo'> = { id, name, role };
  const place = DEVICE_PLACES[role];
  if (!place) return device;
  const value = input[place];
  const known =
    place === 'windowId' ? config.windows.some((w) => w.id === value)
    : place === 'zone' ? config.hall.zones.some((z) => z.id === value)
    : config.devices.some((d) => d.id === value && d.role === 'kiosk');
  if (!value || !known) refuse('BAD_PLACE', { role, place: PLACE_NAMES[place][0], placeEn: PLACE_NAMES[place][1] });
  return { ...device, [place]: value };
}

/** kiosk-3 after kiosk-1 and kiosk-2. */
function nextId(config: HallConfig, role: Device['role']): string {
  const taken = new Set(config.devices.map((d) => d.id));
  let n = 1;
  while (taken.has(`${role}-${n}`)) n++;
  return `${role}-${n}`;
}
