// Pairing the print agent with a code, as a new screen does (shared/src/ui/pairing.svelte.ts) but on
// a terminal: ask the hub for a code, print it for the person at this PC, poll with the secret claim
// until a manager enters the code on the console's Devices page, and return the token.
import { setTimeout as sleep } from 'node:timers/promises';
import { SCREEN_PAGES, type PairingStatus } from '@yichuang/shared/admin';
import type { DeviceRole } from '@yichuang/shared/domain';
import type { AppError } from '@yichuang/shared/errors';
import { ADMIN_STRINGS } from '@yichuang/shared/strings/admin';
import { PAIRING_TTL_MS } from '../security/pairing.js';

const POLL_MS = 2000;
/** An unreachable hub is asked again after 1 s, 2 s, 4 s … up to this. */
const MAX_BACKOFF_MS = 30_000;
/** A hub that refused a new code (too many requests) is asked again this much later. */
const REFUSED_RETRY_MS = 30_000;
const REQUEST_TIMEOUT_MS = 10_000;
const TTL_MINUTES = PAIRING_TTL_MS / 60_000;

export interface PairingOutput {
  /** What the person at this PC must read: the code and what to do with it (stdout). */
  show(line: string): void;
  /** Progress and trouble (the agent's log). */
  log(line: string): void;
}

/** The hub will not give this agent a code; asking again would not help. */
export class PairingRefused extends Error {}

interface Offer {
  code: string;
  claim: string;
}

type Answer<T> = { ok: true; data: T } | { ok: false; error: AppError };
/** The hub's answer with its HTTP status, or why no hub answered. */
type Reply<T> = { status: number; answer: Answer<T> } | { unreachable: string };

/** The token for this agent, once a manager has approved one of its codes. Rejects when `signal` aborts. */
export async function pairAgent(hub: string, out: PairingOutput, signal: AbortSignal): Promise<string> {
  const backoff = new Backoff(hub, out, signal);
  for (;;) {
    const asked = await call<Offer>(hub, '/api/pairing', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ screen: 'agent' }) }, signal);
    if ('unreachable' in asked) {
      await backoff.wait(asked.unreachable);
      continue;
    }
    backoff.reset();
    if (!asked.answer.ok) {
      const { message, messageEn } = asked.answer.error;
      if (asked.status !== 429) throw new PairingRefused(`服务器拒绝配对：${message} / the hub refused to pair: ${messageEn}`);
      out.log(`服务器暂不发放配对码：${message}，${REFUSED_RETRY_MS / 1000} 秒后重试 / the hub refused a code for now: ${messageEn}; asking again in ${REFUSED_RETRY_MS / 1000} s`);
      await sleep(REFUSED_RETRY_MS, undefined, { signal });
      continue;
    }
    showCode(asked.answer.data.code, out);
    const token = await approval(hub, asked.answer.data, out, backoff, signal);
    if (token) return token;
  }
}

/** The token once the code is approved, or undefined when a new code is needed. */
async function approval(hub: string, offer: Offer, out: PairingOutput, backoff: Backoff, signal: AbortSignal): Promise<string | undefined> {
  for (;;) {
    await sleep(POLL_MS, undefined, { signal });
    const polled = await call<PairingStatus>(hub, `/api/pairing/${offer.claim}`, {}, signal);
    if ('unreachable' in polled) {
      await backoff.wait(polled.unreachable);
      continue;
    }
    backoff.reset();
    if (!polled.answer.ok) {
      out.log(`配对码 ${offer.code} 已过期（${TTL_MINUTES} 分钟内未输入，或服务器已重启），正在获取新的配对码 / code ${offer.code} has expired (not entered in time, or the hub restarted); asking for a new one`);
      return undefined;
    }
    const status = polled.answer.data;
    if (status.status === 'pending') continue;
    if (status.page === SCREEN_PAGES.agent) return status.token;
    // Approved as another role: that token would never get a print job.
    const [zh, en] = roleName(status.page);
    out.log(
      `本机被配对成了「${zh}」，不是「${AGENT[0]}」，无法打印：请在管理台「${DEVICES[0]}」页撤销该设备，再输入新的配对码 / ` +
        `this PC was paired as a ${en}, not a ${AGENT[1]}, and would print nothing: revoke that device on the console's ${DEVICES[1]} page and enter the new code`,
    );
    return undefined;
  }
}

// The console's own words, so the instructions name what the manager sees.
const DEVICES = ADMIN_STRINGS['devices.title'];
const PAIR = ADMIN_STRINGS['devices.pair'];
const AGENT = ADMIN_STRINGS['devices.role.agent'];
const KIOSK = ADMIN_STRINGS['devices.kiosk'];

function showCode(code: string, out: PairingOutput): void {
  out.show('');
  out.show(`  配对码 / pairing code:  ${code}`);
  out.show('');
  out.show(`  在管理台「${DEVICES[0]}」页面「${PAIR[0]}」处输入配对码 ${code}，角色选「${AGENT[0]}」，「${KIOSK[0]}」选本机所服务的取号机；${TTL_MINUTES} 分钟内有效。`);
  out.show(`  Enter this code on the console's ${DEVICES[1]} page (${PAIR[1]}), role "${AGENT[1]}", ${KIOSK[1]}: the kiosk this PC serves. Valid for ${TTL_MINUTES} minutes.`);
  out.show('  等待管理员确认… / waiting for a manager to approve…');
  out.show('');
}

function roleName(page: string): readonly [string, string] {
  const role = (Object.keys(SCREEN_PAGES) as DeviceRole[]).find((r) => SCREEN_PAGES[r] === page);
  return role ? ADMIN_STRINGS[`devices.role.${role}`] : [page, page];
}

/** Waits longer after each failure to reach the hub; says when it answers again. */
class Backoff {
  #failures = 0;

  constructor(
    private readonly hub: string,
    private readonly out: PairingOutput,
    private readonly signal: AbortSignal,
  ) {}

  async wait(reason: string): Promise<void> {
    const ms = Math.min(1000 * 2 ** this.#failures++, MAX_BACKOFF_MS);
    this.out.log(`无法连接大厅服务器 ${this.hub}（${reason}），${ms / 1000} 秒后重试 / cannot reach the hub at ${this.hub} (${reason}); retrying in ${ms / 1000} s`);
    await sleep(ms, undefined, { signal: this.signal });
  }

  reset(): void {
    if (this.#failures) this.out.log(`已连上大厅服务器 / the hub answers again`);
    this.#failures = 0;
  }
}

async function call<T>(hub: string, route: string, init: RequestInit, signal: AbortSignal): Promise<Reply<T>> {
  let res: Response;
  try {
    res = await fetch(new URL(route, hub), { ...init, signal: AbortSignal.any([signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]) });
  } catch (err) {
    signal.throwIfAborted();
    return { unreachable: reasonOf(err) };
  }
  // Anything but the hub's JSON answer (a proxy's error page, another program on that port) is no hub.
  const answer = (await res.json().catch(() => undefined)) as Answer<T> | undefined;
  if (typeof answer?.ok !== 'boolean') return { unreachable: `HTTP ${res.status}` };
  return { status: res.status, answer };
}

/** fetch hides the network error (ECONNREFUSED, ENOTFOUND …) in its cause. */
function reasonOf(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  if ((err as Error).name === 'TimeoutError') return `${REQUEST_TIMEOUT_MS / 1000} s 无应答 / no answer in ${REQUEST_TIMEOUT_MS / 1000} s`;
  return cause?.code ?? cause?.message ?? (err as Error).message;
}
