// Rune state wrapping the shared HallSync: the one place a screen talks to the hub. A screen without
// a token shows a pairing code until a manager pairs it; a screen whose device is revoked forgets
// its token and drops back to pairing; a change of the hall's configuration brings a fresh snapshot.
import { SCREEN_ROLES, type HallSnapshot } from '@yichuang/shared/domain';
import type { DeviceWelcome } from '@yichuang/shared/events';
import { readDeviceToken } from '@yichuang/shared/device-token';
import { HallSync, type HallSocket, type SyncStatus } from '@yichuang/shared/hall-sync';
import { io } from 'socket.io-client';
import { Pairing } from './pairing.svelte';

export type HallError = HallSync['error'];

export class Hall {
  /** null until the first snapshot; kept (stale) while reconnecting. */
  snapshot = $state.raw<HallSnapshot | null>(null);
  status = $state<SyncStatus>('connecting');
  welcome = $state.raw<DeviceWelcome | null>(null);
  error = $state.raw<HallError>(null);
  /** No device token in the address or in storage: the screen has never been paired. */
  readonly unpaired: boolean;
  /** While unpaired: the code a manager types on the console. */
  readonly pairing: Pairing | null = null;
  readonly sync: HallSync | null = null;
  /** This screen's device token (the console signs in with it). */
  readonly token: string | undefined;

  /**
   * `storageKey` keeps each page's token apart, as all pages share the hub's origin; its last part
   * names the kind of screen ('yichuang.token.kiosk'), proposed as the role when pairing.
   */
  constructor(private readonly storageKey: string) {
    const token = readDeviceToken(storageKey);
    this.token = token;
    this.unpaired = !token;
    if (!token) {
      const screen = SCREEN_ROLES.find((r) => storageKey.endsWith(`.${r}`)) ?? 'kiosk';
      this.pairing = new Pairing(screen);
      return;
    }
    // Same origin as the page: the hub serves the screens and socket.io at /socket.io.
    const socket: HallSocket = io({ auth: { token }, reconnectionDelay: 500, reconnectionDelayMax: 2000 });
    const sync = new HallSync(socket);
    sync.onChange((s) => {
      this.snapshot = s.snapshot;
      this.status = s.status;
      this.welcome = s.welcome;
      this.error = s.error;
      // The hub no longer knows this token (revoked while the screen was off): pair again.
      if (s.status === 'denied' && s.error?.code === 'UNAUTHENTICATED') this.forget();
    });
    socket.on('device:revoked', () => this.forget());
    socket.on('config:changed', () => sync.resync());
    this.sync = sync;
  }

  /** Live data on screen, not a stale copy. */
  get live(): boolean {
    return this.status === 'live';
  }

  /** Drops the stored token and starts over as an unpaired screen. */
  forget(): void {
    try {
      localStorage.removeItem(this.storageKey);
    } catch {
      // storage disabled: the token lived in the address only
    }
    location.replace(location.pathname);
  }
}

/** A clock for the screen, ticking every `everyMs`. */
export class Clock {
  now = $state(Date.now());
  private readonly timer: ReturnType<typeof setInterval>;
  constructor(everyMs = 1000) {
    this.timer = setInterval(() => (this.now = Date.now()), everyMs);
  }
  stop(): void {
    clearInterval(this.timer);
  }
}
