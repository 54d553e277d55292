// What the console pages' states share: they load from the hub whenever the hall connection becomes
// live (pushes missed while it was down are not replayed), follow the hub's pushes in between, and send
// changes through HallSync (retried with their cmdId), the last refusal shown until the next action.
import type { Ack, AppError } from '@yichuang/shared/errors';
import type { ClientToServerEvents, ServerToClientEvents } from '@yichuang/shared/events';
import type { AckDataOf, ClientError, CommandInput, CommandName, PayloadOf } from '@yichuang/shared/commands';
import type { HallSync } from '@yichuang/shared/hall-sync';
import type { Hall } from '@yichuang/shared/ui/hall.svelte';

const ASK_TIMEOUT_MS = 8000;

/** Lookups that take no input. */
type Query = { [E in keyof ClientToServerEvents]: Record<never, never> extends PayloadOf<E> ? E : never }[keyof ClientToServerEvents];
type Pushes = { [E in keyof ServerToClientEvents]?: ServerToClientEvents[E] };

export abstract class PageState {
  /** The last refusal, shown until the next action. */
  error = $state.raw<AppError | ClientError | null>(null);
  busy = $state(false);
  readonly #offs: (() => void)[] = [];

  constructor(protected readonly hall: Hall) {}

  /** Asks the hub for everything the page shows. */
  abstract load(): void;

  /**
   * Loads now if the connection is live and again each time it becomes live, and listens to `pushes`.
   * Called at the end of a page state's constructor, once its own fields exist. Returns the hall's
   * sync for anything more to follow (undefined without one: there is nothing to follow).
   */
  protected follow(pushes: Pushes): HallSync | undefined {
    const sync = this.hall.sync;
    if (!sync) return undefined;
    const socket = sync.domainSocket;
    // Each listener has its own event's type (Pushes); a loop cannot pair them for the compiler.
    for (const [name, listener] of Object.entries(pushes) as [keyof ServerToClientEvents, never][]) {
      socket.on(name, listener);
      this.own(() => socket.off(name, listener));
    }
    let wasLive = false;
    const onChange = (): void => {
      const live = sync.status === 'live';
      if (live && !wasLive) this.load();
      wasLive = live;
    };
    this.own(sync.onChange(onChange));
    onChange();
    return sync;
  }

  /** Keeps `off` to be called by destroy(). */
  protected own(off: () => void): void {
    this.#offs.push(off);
  }

  /** Asks a lookup and applies the answer; a refusal is shown unless `refused` takes it, no answer is asked again on reconnect. */
  protected ask<E extends Query>(
    name: E,
    apply: (data: AckDataOf<E>) => void,
    refused = (error: AppError): void => void (this.error = error),
  ): Promise<void> {
    const socket = this.hall.sync?.domainSocket;
    if (!socket) return Promise.resolve();
    const timed = socket.timeout(ASK_TIMEOUT_MS);
    return (timed.emitWithAck as (name: E, payload: object) => Promise<Ack<AckDataOf<E>>>).call(timed, name, {}).then(
      (ack) => (ack.ok ? apply(ack.data) : refused(ack.error)),
      () => undefined,
    );
  }

  /** Sends a change, busy meanwhile, and applies the hub's answer; false when refused (the error is shown). */
  protected async command<E extends CommandName>(name: E, input: CommandInput<E>, apply: (data: AckDataOf<E>) => void): Promise<boolean> {
    const sync = this.hall.sync;
    if (!sync) return false;
    this.busy = true;
    this.error = null;
    const result = await sync.command(name, input);
    this.busy = false;
    if (result.ok) apply(result.data);
    else this.error = result.error;
    return result.ok;
  }

  destroy(): void {
    for (const off of this.#offs.splice(0)) off();
  }
}
