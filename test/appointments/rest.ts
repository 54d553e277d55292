// The phone page's REST routes, called as the page calls them, and a wait for the hub's background work.
import type { BookingPage, BookingView, SlotView } from '@yichuang/shared/appointments';
import type { Ack } from '@yichuang/shared/errors';
import { formatClock } from '@yichuang/shared/time';
import type { TestHub } from '../helpers/test-hub.js';

export interface Answer<T> {
  status: number;
  body: Ack<T>;
}

export async function rest<T>(t: TestHub, path: string, body?: unknown): Promise<Answer<T>> {
  const res = await fetch(`${t.hub.url}/api/appointments${path}`, {
    ...(body !== undefined && { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Ack<T> };
}

export function ok<T>(answer: Answer<T>): T {
  if (!answer.body.ok) throw new Error(`${answer.status} ${answer.body.error.code}: ${answer.body.error.messageEn}`);
  return answer.body.data;
}

export const services = async (t: TestHub): Promise<BookingPage> => ok(await rest<BookingPage>(t, '/services'));

/** The slot of `categoryId` on `day` that starts at `clock` ('10:30'). */
export async function slotAt(t: TestHub, categoryId: string, day: string, clock: string): Promise<SlotView> {
  const slots = ok(await rest<SlotView[]>(t, `/slots?categoryId=${categoryId}&day=${day}`));
  const slot = slots.find((s) => formatClock(s.start, 'Asia/Shanghai') === clock);
  if (!slot) throw new Error(`no ${clock} slot of ${categoryId} on ${day}`);
  return slot;
}

let requests = 0;
export function book(t: TestHub, input: { categoryId: string; slotStart: number; phone: string; name?: string; requestId?: string }): Promise<Answer<BookingView>> {
  return rest<BookingView>(t, '', { name: '王小明', requestId: `r${process.pid}-${++requests}`, ...input });
}

/** Polls `probe` until it returns a value (the hub's timers and outbox work in the background). */
export async function eventually<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 8000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
