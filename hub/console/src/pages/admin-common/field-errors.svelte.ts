// A form's word from the hub, field by field: the fields shown claim their paths (FieldError), and
// each problem of the last refusal goes to the field whose claimed path holds it (admin-fields.ts);
// what no field claims is said above the form. One for each page state that sends a form.
import { issuesAt, unclaimed } from '@yichuang/shared/admin-fields';
import type { ClientError } from '@yichuang/shared/commands';
import type { AppError, FieldIssue } from '@yichuang/shared/errors';
import { SvelteSet } from 'svelte/reactivity';

export class FieldErrors {
  /** Paths of the fields shown now. */
  readonly claimed = new SvelteSet<string>();

  constructor(private readonly error: () => AppError | ClientError | null) {}

  get #issues(): FieldIssue[] {
    const error = this.error();
    return error && 'fields' in error ? (error.fields ?? []) : [];
  }

  /** The last refusal's problems beside the field at `path`. */
  at(path: string): FieldIssue[] {
    return issuesAt(this.#issues, path, this.claimed);
  }

  /** The last refusal was about fields. */
  get any(): boolean {
    return this.#issues.length > 0;
  }

  /** The last refusal's problems that no field shown says. */
  get unclaimed(): FieldIssue[] {
    return unclaimed(this.#issues, this.claimed);
  }
}
