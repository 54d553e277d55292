// The suggestion box as managers see it: asked for whenever the hall connection becomes live, then
// kept up by 'kiosk:suggestionChanged'; handling goes through HallSync (retried with its cmdId).
import type { Suggestion } from '@yichuang/shared/kiosk';
import type { Hall } from '@yichuang/shared/ui/hall.svelte';
import { PageState } from '../../page-state.svelte';

export class SuggestionsState extends PageState {
  list = $state.raw<Suggestion[]>([]);

  constructor(hall: Hall) {
    super(hall);
    this.follow({ 'kiosk:suggestionChanged': (s) => this.#put(s) });
  }

  get open(): number {
    return this.list.filter((s) => !s.handled).length;
  }

  load(): void {
    // A role the hub does not show the box to sees it empty, without an error.
    this.ask('kiosk:suggestions', (list) => (this.list = list), () => undefined);
  }

  handle(id: string, handler: string, note: string): Promise<boolean> {
    return this.command('kiosk:handleSuggestion', { id, handler, note }, (s) => this.#put(s));
  }

  /** Open ones first, newest first within each, as the hub lists them. */
  #put(s: Suggestion): void {
    const all = [s, ...this.list.filter((x) => x.id !== s.id)].sort((a, b) => b.at - a.at);
    this.list = [...all.filter((x) => !x.handled), ...all.filter((x) => x.handled)];
  }
}
