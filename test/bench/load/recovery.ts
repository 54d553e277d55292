// After a hub restart (SIGKILL, then the same port): every screen reconnects by itself and asks for a
// snapshot, as HallSync does; the time from the hub serving to each snapshot in hand is what a hall
// sees as "the screens are right again".
import { summary } from '../summary.js';
import type { HubDevice } from './connect.js';
import type { RecoveryResult } from './protocol.js';

const RECOVERY_DEADLINE_MS = 60_000;

export class Recovery {
  /** Per socket: when its snapshot came back (epoch ms). */
  readonly #right = new Map<HubDevice, number>();
  #all: (() => void) | undefined;

  constructor(private readonly hub: readonly HubDevice[]) {}

  /** From now on, each reconnecting socket asks for a snapshot and notes when it has one. */
  arm(): { sockets: number } {
    for (const d of this.hub) {
      d.socket.io.once('reconnect', () => {
        void d.socket
          .timeout(RECOVERY_DEADLINE_MS)
          .emitWithAck('sync:snapshot', {})
          .then((ack) => {
            if (!ack.ok) return;
            this.#right.set(d, Date.now());
            if (this.#right.size === this.hub.length) this.#all?.();
          }, () => undefined);
      });
    }
    return { sockets: this.hub.length };
  }

  /** Waits for every screen (or the deadline), then measures one whole-hall snapshot on the idle hub. */
  async measure(servingAt: number): Promise<RecoveryResult> {
    if (this.#right.size < this.hub.length) {
      await new Promise<void>((resolve) => {
        this.#all = resolve;
        setTimeout(resolve, RECOVERY_DEADLINE_MS).unref();
      });
    }
    const window = this.hub.find((d) => d.plan.role === 'window')?.socket ?? this.hub[0]!.socket;
    const snapshots: number[] = [];
    for (let i = 0; i < 5; i++) {
      const from = performance.now();
      await window.timeout(10_000).emitWithAck('sync:snapshot', {});
      snapshots.push(performance.now() - from);
    }
    return {
      right: summary([...this.#right.values()].map((at) => Math.max(0, at - servingAt))),
      missed: this.hub.length - this.#right.size,
      snapshotMs: Math.round(summary(snapshots).p50 * 100) / 100,
    };
  }
}
