// The configuration pages' state: the hall's configuration as the hub has it, loaded whenever the
// connection becomes live and again whenever the hub says the configuration changed (another
// manager, a tidal switch). Changes go through HallSync with a cmdId; the answer is the new config.
// An evaluator reads the same pages with nothing to act on (readOnly).
import type { AdminConfig } from '@yichuang/shared/admin';
import type { CommandInput, CommandName } from '@yichuang/shared/commands';
import type { ConsoleSession } from '@yichuang/shared/ui/console-session.svelte';
import type { Hall } from '@yichuang/shared/ui/hall.svelte';
import { PageState } from '../../page-state.svelte';
import { FieldErrors } from './field-errors.svelte';

type ConfigCommand = Extract<CommandName, `admin:${string}`>;

export class AdminState extends PageState {
  config = $state.raw<AdminConfig | null>(null);
  /** The last change was saved (a short confirmation). */
  saved = $state(false);
  /** The last refusal's problems, field by field. */
  readonly fields = new FieldErrors(() => this.error);
  readonly #session: ConsoleSession;

  constructor(hall: Hall, session: ConsoleSession) {
    super(hall);
    this.#session = session;
    this.follow({ 'config:changed': () => this.load() });
  }

  /** Only a manager or an admin changes settings; an evaluator reads them. */
  get readOnly(): boolean {
    return !this.#session.has('admin', 'manager');
  }

  load(): void {
    this.ask('admin:config', (config) => (this.config = config));
  }

  /** Sends a change; true once the hub saved it. */
  save<E extends ConfigCommand>(name: E, input: CommandInput<E>): Promise<boolean> {
    this.saved = false;
    return this.command(name, input, (config) => {
      this.config = config as AdminConfig;
      this.saved = true;
    });
  }
}
