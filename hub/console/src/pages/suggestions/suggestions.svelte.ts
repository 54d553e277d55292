// The suggestion box as managers see it: asked for whenever the hall connection becomes live, then
// kept up by 'kiosk:suggestionChanged'; handling goes through HallSync (retried with its cmdId).
import type { Ack, AppError } from '@yichuang/shared/errors';
import type { ClientError } from '@yichuang/shared/hall-sync';
import type { Suggestion } from '@yichuang/shared/kiosk';
import type { Hall } from '@yichuang/shared/ui/hall.svelte';

const ASK_TIMEOUT_MS = 8000;

export class SuggestionsState {
  list = $state.raw<Suggestion[]>([]);
  error = $state.raw<AppError | ClientError | null>(null);
  busy = $state(false);
  readonly #offs: (() => void)[] = [];

  constructor(private readonly hall: Hall) {
    const sync = hall.sync;
    if (!sync) return;
    const socket = sync.domainSocket;
    const changed = (s: Suggestion): void => this.#put(s);
    socket.on('kiosk:suggestionChanged', changed);
    this.#offs.push(() => socket.off('kiosk:suggestionChanged', changed));
    let wasLive = false;
    const onChange = (): void => {
      const live = sync.status === 'live';
      if (live && !wasLive) this.load();
      wasLive = live;
    };
    this.#offs.push(sync.onChange(onChange));
    onChange();
  }

  get open(): number {
    return this.list.filter((s) => !s.handled).length;
  }

  load(): void {
    this.hall.sync?.domainSocket
      .timeout(ASK_TIMEOUT_MS)
      .emitWithAck('kiosk:suggestions', {})
      .then(
        (ack: Ack<Suggestion[]>) => {
          if (ack.ok) this.list = ack.data;
        },
        () => undefined, // no answer: asked again on the next reconnect
      );
  }

  async handle(id: string, handler: string, note: string): Promise<boolean> {
    const sync = this.hall.sync;
    if (!sync) return false;
    this.busy = true;
    this.error = null;
    const answer = await sync.command('kiosk:handleSuggestion', { id, handler, note });
    this.busy = false;
    if (answer.ok) this.#put(answer.data);
    else this.error = answer.error;
    return answer.ok;
  }

  destroy(): void {
    for (const off of this.#offs.splice(0)) off();
  }

  /** Open ones first, newest first within each, as the hub lists them. */
  #put(s: Suggestion): void {
    const all = [s, ...this.list.filter((x) => x.id !== s.id)].sort((a, b) => b.at - a.at);
    this.list = [...all.filter((x) => !x.handled), ...all.filter((x) => x.handled)];
  }
}
