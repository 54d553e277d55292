// The console's case list: fetched from the hub on load, every so often and after each step.
import type { AppError } from '@yichuang/shared/errors';
import type { ClientError, CommandInput } from '@yichuang/shared/commands';
import type { CaseContact, CaseView } from '@yichuang/shared/ratings';
import type { Hall } from '@yichuang/shared/ui/hall.svelte';

export type StepCommand = 'case:verify' | 'case:rectify' | 'case:followUp' | 'case:close';
/** A step as the form fills it in; the board adds the case and the handler. */
export type StepInput<E extends StepCommand> = Omit<CommandInput<E>, 'caseId' | 'handler'>;

const HANDLER_KEY = 'yichuang.console.caseHandler';

export class CaseBoard {
  cases = $state.raw<CaseView[]>([]);
  loaded = $state(false);
  selectedId = $state<string | null>(null);
  showClosed = $state(false);
  busy = $state(false);
  error = $state.raw<AppError | ClientError | null>(null);
  /** The full number opened for the follow-up call (audited on the hub); forgotten with another case. */
  phone = $state.raw<CaseContact | null>(null);
  /** 经办人: kept on this console, so the manager types their name once. */
  handler = $state('');

  /** The page's hall, read when used (it is a prop of the page). */
  private readonly hall: () => Hall;

  constructor(hall: () => Hall) {
    this.hall = hall;
    try {
      this.handler = localStorage.getItem(HANDLER_KEY) ?? '';
    } catch {
      this.handler = '';
    }
  }

  readonly shown = $derived(this.showClosed ? this.cases : this.cases.filter((c) => c.next !== null));
  readonly selected = $derived(this.cases.find((c) => c.id === this.selectedId));

  load = async (): Promise<void> => {
    const sync = this.hall().sync;
    if (!sync) return;
    const answer = await sync.command('case:list', {});
    if (answer.ok) {
      this.cases = answer.data;
      this.loaded = true;
    }
  };

  revealPhone = async (): Promise<void> => {
    const sync = this.hall().sync;
    const c = this.selected;
    if (!sync || !c || this.busy) return;
    this.busy = true;
    this.error = null;
    const answer = await sync.command('case:contact', { caseId: c.id });
    this.busy = false;
    if (answer.ok) this.phone = answer.data;
    else this.error = answer.error;
  };

  /** Does the selected case's next step; true when the hub took it. */
  step = async <E extends StepCommand>(command: E, input: StepInput<E>): Promise<boolean> => {
    const sync = this.hall().sync;
    const c = this.selected;
    const handler = this.handler.trim();
    if (!sync || !c || this.busy) return false;
    this.busy = true;
    this.error = null;
    try {
      const answer = await sync.command(command, { ...input, caseId: c.id, handler } as CommandInput<E>);
      if (!answer.ok) {
        this.error = answer.error;
        return false;
      }
      try {
        localStorage.setItem(HANDLER_KEY, handler);
      } catch {
        // the name is typed again next time
      }
      await this.load();
      return true;
    } finally {
      this.busy = false;
    }
  };
}
