// The printers page's state: every printer's live state, today's unprinted tickets and the settings.
// Asked for whenever the hall connection becomes live; then printer states follow 'printer:changed'
// and the unprinted list follows the hall's 'ticket:printed' broadcasts. Changes go through HallSync.
import type { Category } from '@yichuang/shared/domain';
import type { Ack, AppError } from '@yichuang/shared/errors';
import type { AckDataOf, ClientError, CommandInput, CommandName, HallSocket } from '@yichuang/shared/hall-sync';
import { type PrinterState, type PrintingSettingsView, type PrintResult, type UnprintedTicket } from '@yichuang/shared/printing';
import type { Hall } from '@yichuang/shared/ui/hall.svelte';

const ASK_TIMEOUT_MS = 8000;

type Query = 'printer:status' | 'printer:settings' | 'printer:unprinted';
type SettingsCommand = Extract<CommandName, 'printer:save' | 'printer:remove' | 'printer:layout'>;

export class PrintersState {
  states = $state.raw<PrinterState[]>([]);
  unprinted = $state.raw<UnprintedTicket[]>([]);
  settings = $state.raw<PrintingSettingsView | null>(null);
  /** The last refusal or failure, shown until the next action. */
  error = $state.raw<AppError | ClientError | null>(null);
  /** The last reprint's outcome. */
  reprinted = $state.raw<{ number: string; result: PrintResult } | null>(null);
  busy = $state(false);
  readonly #offs: (() => void)[] = [];
  readonly #socket: HallSocket | undefined;

  constructor(private readonly hall: Hall) {
    const sync = hall.sync;
    if (!sync) return;
    const socket = sync.domainSocket;
    this.#socket = socket;
    const onState = (s: PrinterState): void => {
      const others = this.states.filter((x) => x.printerId !== s.printerId);
      this.states = [...others, s].sort((a, b) => a.kioskId.localeCompare(b.kioskId));
    };
    socket.on('printer:changed', onState);
    this.#offs.push(() => socket.off('printer:changed', onState));
    this.#offs.push(sync.onBroadcast((name) => name === 'ticket:printed' && this.#askUnprinted()));
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
    this.#ask('printer:status', (data) => (this.states = [...data].sort((a, b) => a.kioskId.localeCompare(b.kioskId))));
    this.#ask('printer:settings', (data) => (this.settings = data));
    this.#askUnprinted();
  }

  get categories(): Category[] {
    return this.hall.snapshot?.categories ?? [];
  }

  kioskName(kioskId: string): string {
    return this.settings?.kiosks.find((k) => k.id === kioskId)?.name ?? kioskId;
  }

  async reprint(number: string, printerId?: string): Promise<void> {
    const sync = this.hall.sync;
    if (!sync) return;
    this.busy = true;
    this.error = null;
    const result = await sync.command('ticket:reprint', { number, printerId });
    this.busy = false;
    if (result.ok) this.reprinted = { number, result: result.data };
    else this.error = result.error;
  }

  /** Saves a settings change; the answer is the whole new settings. */
  async change<E extends SettingsCommand>(name: E, input: CommandInput<E>): Promise<boolean> {
    const sync = this.hall.sync;
    if (!sync) return false;
    this.busy = true;
    this.error = null;
    const result = await sync.command(name, input);
    this.busy = false;
    if (!result.ok) {
      this.error = result.error;
      return false;
    }
    this.settings = result.data as PrintingSettingsView;
    this.load(); // a removed printer leaves the list; a changed one starts afresh
    return true;
  }

  destroy(): void {
    for (const off of this.#offs.splice(0)) off();
  }

  #askUnprinted(): void {
    this.#ask('printer:unprinted', (data) => (this.unprinted = data));
  }

  #ask<E extends Query>(name: E, apply: (data: AckDataOf<E>) => void): void {
    if (!this.#socket) return;
    const timed = this.#socket.timeout(ASK_TIMEOUT_MS);
    (timed.emitWithAck as (name: E, payload: object) => Promise<Ack<AckDataOf<E>>>).call(timed, name, {}).then(
      (ack) => {
        if (ack.ok) apply(ack.data);
        else this.error = ack.error;
      },
      () => undefined, // no answer: asked again on the next reconnect
    );
  }
}
