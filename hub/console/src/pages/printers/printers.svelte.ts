// The printers page's state: every printer's live state, today's unprinted tickets and the settings.
// Asked for whenever the hall connection becomes live; then printer states follow 'printer:changed'
// and the unprinted list follows the hall's 'ticket:printed' broadcasts. Changes go through HallSync.
import { askOneAtATime } from '@yichuang/shared/ask-one-at-a-time';
import type { Category } from '@yichuang/shared/domain';
import type { CommandInput, CommandName } from '@yichuang/shared/commands';
import { type PrinterState, type PrintingSettingsView, type PrintResult, type UnprintedTicket } from '@yichuang/shared/printing';
import type { Hall } from '@yichuang/shared/ui/hall.svelte';
import { PageState } from '../../page-state.svelte';

type SettingsCommand = Extract<CommandName, 'printer:save' | 'printer:remove' | 'printer:layout'>;

export class PrintersState extends PageState {
  states = $state.raw<PrinterState[]>([]);
  unprinted = $state.raw<UnprintedTicket[]>([]);
  settings = $state.raw<PrintingSettingsView | null>(null);
  /** The last reprint's outcome. */
  reprinted = $state.raw<{ number: string; result: PrintResult } | null>(null);

  constructor(hall: Hall) {
    super(hall);
    const sync = this.follow({
      'printer:changed': (s) => {
        const others = this.states.filter((x) => x.printerId !== s.printerId);
        this.states = [...others, s].sort((a, b) => a.kioskId.localeCompare(b.kioskId));
      },
    });
    // A gathered message's several printed slips ask once more at most.
    if (sync) this.own(sync.onBroadcast((name) => name === 'ticket:printed' && void this.#askUnprinted()));
  }

  load(): void {
    this.ask('printer:status', (data) => (this.states = [...data].sort((a, b) => a.kioskId.localeCompare(b.kioskId))));
    this.ask('printer:settings', (data) => (this.settings = data));
    void this.#askUnprinted();
  }

  get categories(): Category[] {
    return this.hall.snapshot?.categories ?? [];
  }

  kioskName(kioskId: string): string {
    return this.settings?.kiosks.find((k) => k.id === kioskId)?.name ?? kioskId;
  }

  async reprint(number: string, printerId?: string): Promise<void> {
    await this.command('ticket:reprint', { number, printerId }, (result) => {
      this.reprinted = { number, result };
      // The list without that slip at once: the hall's broadcast of it comes gathered, up to a second later.
      void this.#askUnprinted();
    });
  }

  /** Saves a settings change; the answer is the whole new settings. */
  change<E extends SettingsCommand>(name: E, input: CommandInput<E>): Promise<boolean> {
    return this.command(name, input, (settings) => {
      this.settings = settings as PrintingSettingsView;
      this.load(); // a removed printer leaves the list; a changed one starts afresh
    });
  }

  readonly #askUnprinted = askOneAtATime(() => this.ask('printer:unprinted', (data) => (this.unprinted = data)));
}
