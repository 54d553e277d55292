// A question the console asks before what cannot be undone, answered in the page's own dialog
// (ConfirmDialog.svelte) rather than the browser's confirm(): that one is small on a touch screen,
// speaks the browser's language, and holds the page's live updates while it is open.

export interface Question {
  /** The question first, then what it would end, a line each. */
  lines: string[];
  /** The confirming button's words: what it does (撤销, 删除), not 确定. */
  confirmLabel: string;
}

export class Confirmation {
  question = $state.raw<Question | undefined>(undefined);
  #answer: ((yes: boolean) => void) | undefined;

  /** Resolves true once confirmed, false once cancelled (or asked over by another question). */
  ask(question: Question): Promise<boolean> {
    this.#answer?.(false);
    this.question = question;
    return new Promise((resolve) => {
      this.#answer = resolve;
    });
  }

  answer(yes: boolean): void {
    const answer = this.#answer;
    this.#answer = undefined;
    this.question = undefined;
    answer?.(yes);
  }
}
