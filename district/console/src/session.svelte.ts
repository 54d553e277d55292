// Who is signed in at the district console: an HttpOnly cookie set by the district server, so every
// REST call (downloads too) carries it. Asked at start and whenever the server refuses for want of a
// sign-in, so an ended session shows the sign-in form, never stale figures.
import type { DistrictOperator } from '@yichuang/shared/district';
import { t } from '@yichuang/shared/district-console-i18n';
import type { Ack, AppError } from '@yichuang/shared/errors';
import { rest } from '@yichuang/shared/rest';

export class DistrictSession {
  /** null: nobody signed in (the form shows); undefined: not known yet. */
  operator = $state.raw<DistrictOperator | null | undefined>(undefined);
  error = $state.raw<AppError | null>(null);
  busy = $state(false);
  /** The server could not be reached at the last try. */
  unreachable = $state(false);

  async check(): Promise<void> {
    const answer = await this.#reach(rest('get', '/district/session'));
    if (answer.ok) this.operator = answer.data;
  }

  async signIn(username: string, password: string): Promise<void> {
    this.busy = true;
    this.error = null;
    const answer = await this.#reach(rest('post', '/district/session', { body: { username, password } }));
    this.busy = false;
    if (answer.ok) this.operator = answer.data;
    else this.error = answer.error;
  }

  async signOut(): Promise<void> {
    await this.#reach(rest('delete', '/district/session'));
    this.operator = null;
  }

  /** A page's answer: a refusal for want of a sign-in shows the form again. */
  seen<T>(answer: Ack<T>): Ack<T> {
    if (!answer.ok && answer.error.code === 'DISTRICT_SIGN_IN_REQUIRED') this.operator = null;
    return answer;
  }

  async #reach<T>(answer: Promise<Ack<T>>): Promise<Ack<T>> {
    try {
      const a = await answer;
      this.unreachable = false;
      return a;
    } catch {
      this.unreachable = true;
      return { ok: false, error: { code: 'DISTRICT_DB_DOWN', message: t('district.unreachable', 'zh'), messageEn: t('district.unreachable', 'en') } };
    }
  }
}
