// Who is signed in at this console. The session lives in an HttpOnly cookie set by the hub (so the
// console's REST calls, report downloads included, carry it); the socket learns it at its handshake,
// so signing in or out reconnects the socket. The hub is asked again whenever the socket (re)connects,
// the hall's configuration changes, or the hub refuses for want of a sign-in: a console whose session
// ended shows the sign-in form, never a stale name. A demo console starts as the demo hall's manager,
// but once a person's session ends it waits for a sign-in.
import type { Operator } from '@yichuang/shared/admin';
import type { Ack, AppError } from '@yichuang/shared/errors';
import { t } from '@yichuang/shared/console-i18n';
import { rest } from '@yichuang/shared/rest';
import type { Hall } from './hall.svelte';

/** Checked this long after the session's idle deadline passes without the console being used. */
const EXPIRY_SLACK_MS = 2000;
/** The console PC's clock may be off from the hub's: never look again sooner than this. */
const MIN_CHECK_MS = 30_000;

export class ConsoleSession {
  /** null: nobody signed in (the sign-in form shows); undefined: not known yet. */
  operator = $state.raw<Operator | null | undefined>(undefined);
  error = $state.raw<AppError | null>(null);
  busy = $state(false);
  /** Signed out, on purpose or by a session's end: a demo console then waits for a sign-in instead of its demo manager. */
  #signedOut = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #checking: Promise<void> | undefined;

  constructor(private readonly hall: Hall) {
    const socket = hall.sync?.domainSocket;
    socket?.on('device:welcome', () => void this.check());
    socket?.on('config:changed', () => void this.check());
    socket?.on('session:ended', () => void this.check());
    if (hall.welcome) void this.check();
  }

  /** Asks the hub who is signed in (once the device is known); a demo console opens its demo session. */
  check(): Promise<void> {
    this.#checking ??= this.#check().finally(() => (this.#checking = undefined));
    return this.#checking;
  }

  async #check(): Promise<void> {
    const current = await reachable(rest('get', '/session'));
    if (!current.ok) return; // hub unreachable: keep what is shown until it answers
    if (current.data) return this.#adopt(current.data, this.operator !== undefined && !sameSession(this.operator, current.data));
    if (this.operator && !this.operator.demo) this.#signedOut = true;
    if (this.hall.welcome?.device.demo && !this.#signedOut) {
      const demo = await reachable(rest('post', '/session', { body: { deviceToken: this.hall.token ?? '' } }));
      if (demo.ok) return this.#adopt(demo.data, true);
    }
    this.#adopt(null, Boolean(this.operator));
  }

  async signIn(staffNumber: string, password: string): Promise<void> {
    this.busy = true;
    this.error = null;
    const answer = await reachable(rest('post', '/session', { body: { deviceToken: this.hall.token ?? '', staffNumber, password } }));
    this.busy = false;
    if (!answer.ok) {
      this.error = answer.error;
      return;
    }
    this.#signedOut = false;
    this.#adopt(answer.data, true);
  }

  async signOut(): Promise<void> {
    await reachable(rest('delete', '/session'));
    this.#signedOut = true;
    this.#adopt(null, true);
  }

  has(...roles: Operator['roles']): boolean {
    return Boolean(this.operator?.roles.some((r) => roles.includes(r)));
  }

  #adopt(operator: Operator | null, reconnect: boolean): void {
    this.operator = operator;
    clearTimeout(this.#timer);
    // Sessions expire when unused: look again once this one should have, and show the form if it did.
    if (operator?.expiresAt) {
      this.#timer = setTimeout(() => void this.check(), Math.max(MIN_CHECK_MS, operator.expiresAt - Date.now() + EXPIRY_SLACK_MS));
    }
    const socket = this.hall.sync?.domainSocket;
    if (reconnect && socket) {
      socket.disconnect();
      socket.connect();
    }
  }
}

/** The same person with the same roles: nothing for the socket to learn again. */
function sameSession(a: Operator | null | undefined, b: Operator): boolean {
  return Boolean(a) && a!.staffId === b.staffId && a!.demo === b.demo && a!.roles.join() === b.roles.join();
}

/** The hub's answer; when none came, a refusal saying the hub cannot be reached. */
function reachable<T>(answer: Promise<Ack<T>>): Promise<Ack<T>> {
  return answer.catch(() => ({ ok: false, error: { code: 'INTERNAL', message: t('pair.unreachable', 'zh'), messageEn: t('pair.unreachable', 'en') } }));
}
