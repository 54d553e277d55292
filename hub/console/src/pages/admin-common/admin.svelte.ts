// The configuration pages' state: the hall's configuration as the hub has it, loaded whenever the
// connection becomes live and again whenever the hub says the configuration changed (another
// manager, a tidal switch). Changes go through HallSync with a cmdId; the answer is the new config.
import type { AdminConfig } from '@yichuang/shared/admin';
import type { Ack, AppError } from '@yichuang/shared/errors';
import type { ClientError, CommandInput, CommandName } from '@yichuang/shared/hall-sync';
import type { Hall } from '@yichuang/shared/ui/hall.svelte';

const ASK_TIMEOUT_MS = 8000;

type ConfigCommand = Extract<CommandName, `admin:${string}`>;

export class AdminState {
  config = $state.raw<AdminConfig | null>(null);
  /** The last refusal, shown until the next action. */
  error = $state.raw<AppError | ClientError | null>(null);
  /** The last change was saved (a short confirmation). */
  saved = $state(false);
  busy = $state(false);
  readonly #offs: (() => void)[] = [];

  constructor(private readonly hall: Hall) {
    const sync = hall.sync;
    if (!sync) return;
    const socket = sync.domainSocket;
    const reload = (): void => this.load();
    socket.on('config:changed', reload);
    this.#offs.push(() => socket.off('config:changed', reload));
    let wasLive = false;
    const onChange = (): void => {
      const live = sync.status === 'live';
      if (live && !wasLive) this.load();
      wasLive = live;
    };
    this.#offs.push(sync.onChange(onChange));
    onChange();
  }

  load(): void {
    const socket = this.hall.sync?.domainSocket;
    if (!socket) return;
    const timed = socket.timeout(ASK_TIMEOUT_MS);
    (timed.emitWithAck as (name: 'admin:config', payload: object) => Promise<Ack<AdminConfig>>).call(timed, 'admin:config', {}).then(
      (ack) => {
        if (ack.ok) this.config = ack.data;
        else this.error = ack.error;
      },
      () => undefined, // no answer: asked again on the next reconnect
    );
  }

  /** Sends a change; true once the hub saved it. */
  async save<E extends ConfigCommand>(name: E, input: CommandInput<E>): Promise<boolean> {
    const sync = this.hall.sync;
    if (!sync) return false;
    this.busy = true;
    this.error = null;
    this.saved = false;
    const result = await sync.command(name, input);
    this.busy = false;
    if (!result.ok) {
      this.error = result.error;
      return false;
    }
    this.config = result.data as AdminConfig;
    this.saved = true;
    return true;
  }

  destroy(): void {
    for (const off of this.#offs.splice(0)) off();
  }
}
