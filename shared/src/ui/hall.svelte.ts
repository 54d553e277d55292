// Rune state wrapping the shared HallSync: the one place a screen talks to the hub.
import type { HallSnapshot } from '@yichuang/shared/domain';
import type { DeviceWelcome } from '@yichuang/shared/events';
import { HallSync, readDeviceToken, type HallSocket, type SyncStatus } from '@yichuang/shared/hall-sync';
import { io } from 'socket.io-client';

export type HallError = HallSync['error'];

export class Hall {
  /** null until the first snapshot; kept (stale) while reconnecting. */
  snapshot = $state.raw<HallSnapshot | null>(null);
  status = $state<SyncStatus>('connecting');
  welcome = $state.raw<DeviceWelcome | null>(null);
  error = $state.raw<HallError>(null);
  /** No device token in the address or in storage: the screen has never been paired. */
  readonly unpaired: boolean;
  readonly sync: HallSync | null = null;

  /** `storageKey` keeps each page's token apart, as all pages share the hub's origin. */
  constructor(storageKey: string) {
    const token = readDeviceToken(storageKey);
    this.unpaired = !token;
    if (!token) return;
    // Same origin as the page: the hub serves the screens and socket.io at /socket.io.
    const socket: HallSocket = io({ auth: { token }, reconnectionDelay: 500, reconnectionDelayMax: 2000 });
    const sync = new HallSync(socket);
    sync.onChange((s) => {
      this.snapshot = s.snapshot;
      this.status = s.status;
      this.welcome = s.welcome;
      this.error = s.error;
    });
    this.sync = sync;
  }

  /** Live data on screen, not a stale copy. */
  get live(): boolean {
    return this.status === 'live';
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
