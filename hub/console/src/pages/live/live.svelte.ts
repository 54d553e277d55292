// The live board's state on the console: asked for whenever the hall connection comes back live,
// then replaced by each 'live:updated' the hub pushes. Actions go through HallSync (retries, cmdId).
import type { AppError } from '@yichuang/shared/errors';
import type { ClientError, CommandInput, CommandName } from '@yichuang/shared/commands';
import type { HallSocket } from '@yichuang/shared/hall-sync';
import { type LiveBoard } from '@yichuang/shared/live';
import type { Hall } from '@yichuang/shared/ui/hall.svelte';

const ASK_TIMEOUT_MS = 8000;

type LiveCommand = Extract<CommandName, `live:${string}`>;

export class LiveState {
  board = $state.raw<LiveBoard | null>(null);
  /** The last refusal or failure of an action, shown until the next action. */
  error = $state.raw<AppError | ClientError | null>(null);
  busy = $state(false);
  readonly #offs: (() => void)[] = [];

  constructor(private readonly hall: Hall) {
    const sync = hall.sync;
    if (!sync) return;
    const socket = sync.domainSocket;
    const onUpdate = (b: LiveBoard): void => {
      this.board = b;
    };
    socket.on('live:updated', onUpdate);
    this.#offs.push(() => socket.off('live:updated', onUpdate));
    let wasLive = false;
    const onChange = (): void => {
      const live = sync.status === 'live';
      if (live && !wasLive) this.#ask(socket);
      wasLive = live;
    };
    this.#offs.push(sync.onChange(onChange));
    onChange();
  }

  #ask(socket: HallSocket): void {
    socket
      .timeout(ASK_TIMEOUT_MS)
      .emitWithAck('live:snapshot', {})
      .then(
        (ack) => {
          if (ack.ok) this.board = ack.data;
          else this.error = ack.error;
        },
        () => undefined, // no answer: asked again on the next reconnect; pushes keep coming meanwhile
      );
  }

  /** Runs one action; the hub pushes the changed board to every console after it. */
  async run<E extends LiveCommand>(name: E, input: CommandInput<E>): Promise<boolean> {
    if (!this.hall.sync) return false;
    this.busy = true;
    this.error = null;
    const result = await this.hall.sync.command(name, input);
    this.busy = false;
    if (!result.ok) this.error = result.error;
    return result.ok;
  }

  destroy(): void {
    for (const off of this.#offs.splice(0)) off();
  }
}
