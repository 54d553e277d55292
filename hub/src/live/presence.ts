// Which devices are connected, from the bus's device:online / device:offline (one per socket).
// A device with two sockets (say, a board reloading) is offline only when the last one closes.
export class Presence {
  readonly #sockets = new Map<string, number>();
  readonly #offlineSince = new Map<string, number>();

  /** `startedAt`: when the hub started; a device not seen since counts as offline from then. */
  constructor(readonly startedAt: number) {}

  online(deviceId: string): void {
    this.#sockets.set(deviceId, (this.#sockets.get(deviceId) ?? 0) + 1);
    this.#offlineSince.delete(deviceId);
  }

  offline(deviceId: string, now: number): void {
    const left = Math.max(0, (this.#sockets.get(deviceId) ?? 0) - 1);
    this.#sockets.set(deviceId, left);
    if (left === 0) this.#offlineSince.set(deviceId, now);
  }

  /** Devices with a connection now. */
  get connected(): ReadonlySet<string> {
    return new Set([...this.#sockets].filter(([, n]) => n > 0).map(([id]) => id));
  }

  /** Devices seen since the hub started that have no connection now, with when they left. */
  get offlineSince(): ReadonlyMap<string, number> {
    return this.#offlineSince;
  }
}
