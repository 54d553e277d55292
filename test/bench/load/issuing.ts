// Ticket issue → durable ack at the kiosks: a steady rate, bursts of every kiosk at once, and a rate
// stepped up until p99 passes the limit. Open loop: tickets go out on schedule, whatever the acks do.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Socket } from 'socket.io-client';
import { cpuSecondsOf } from '../proc.js';
import { summary } from '../summary.js';
import type { HubDevice } from './connect.js';
import type { BurstResult, IssueResult, LoadSettings, RampResult, RampStep } from './protocol.js';
import { commandId } from './windows.js';

/** How long after the last ticket of a run its acks may still come. */
const GRACE_MS = 10_000;

interface Sample {
  ms: number;
  ok: boolean;
}

export class Issuer {
  private next = 0;

  constructor(
    private readonly kiosks: readonly HubDevice[],
    private readonly categories: readonly string[],
  ) {}

  /** One ticket from the next kiosk, in the next category; resolves with its ack time. */
  private issue(): Promise<Sample> {
    const n = this.next++;
    const socket = this.kiosks[n % this.kiosks.length]!.socket;
    const categoryId = this.categories[n % this.categories.length]!;
    const sent = performance.now();
    return socket.emitWithAck('ticket:issue', { cmdId: commandId(), categoryId }).then((ack) => ({ ms: performance.now() - sent, ok: ack.ok }));
  }

  /** `rate` tickets a second for `seconds`. */
  steady(rate: number, seconds: number): Promise<IssueResult> {
    return atRate(rate, seconds, () => this.issue());
  }

  /** The same rate to the bare server, which broadcasts what the hub did for a ticket (bare-server.ts). */
  bareSteady(bare: readonly Socket[], rate: number, seconds: number): Promise<IssueResult> {
    let n = 0;
    return atRate(rate, seconds, () => {
      const sent = performance.now();
      return bare[n++ % bare.length]!.emitWithAck('issue', {}).then((ack: { ok: boolean }) => ({ ms: performance.now() - sent, ok: ack.ok }));
    });
  }

  /** Every kiosk takes a number at the same instant, `count` times. */
  async bursts(count: number): Promise<BurstResult> {
    const pending: Promise<Sample>[] = [];
    for (let b = 0; b < count; b++) {
      const burst = this.kiosks.map(() => this.issue());
      pending.push(...burst);
      await Promise.all(burst);
      await sleep(500);
    }
    return { ...(await settle(pending)), size: this.kiosks.length, bursts: count };
  }

  async ramp(settings: LoadSettings['ramp'], hubPid: number): Promise<RampResult> {
    const steps: RampStep[] = [];
    let sustained = 0;
    for (const rate of settings.rates) {
      const cpu = await cpuSecondsOf(hubPid);
      const start = performance.now();
      const result = await this.steady(rate, settings.seconds);
      const seconds = (performance.now() - start) / 1000;
      const step: RampStep = {
        ...result,
        rate,
        achieved: Math.round((result.ack.n / seconds) * 10) / 10,
        hubCpu: Math.round((((await cpuSecondsOf(hubPid)) - cpu) / seconds) * 100) / 100,
      };
      steps.push(step);
      const held = step.ack.p99 <= settings.p99LimitMs && step.errors === 0 && step.unanswered === 0;
      if (!held) break;
      sustained = rate;
      await sleep(1000);
    }
    return { steps, sustained };
  }
}

async function atRate(rate: number, seconds: number, issue: () => Promise<Sample>): Promise<IssueResult> {
  const total = Math.round(rate * seconds);
  const pending: Promise<Sample>[] = [];
  const start = performance.now();
  while (pending.length < total) {
    const due = Math.min(total, Math.floor(((performance.now() - start) * rate) / 1000) + 1);
    while (pending.length < due) pending.push(issue());
    await sleep(1);
  }
  return settle(pending);
}

async function settle(pending: readonly Promise<Sample>[]): Promise<IssueResult> {
  const grace = new AbortController();
  const timeout = sleep(GRACE_MS, undefined, { signal: grace.signal }).then(
    () => undefined,
    () => undefined,
  );
  const samples = await Promise.all(pending.map((p) => Promise.race([p, timeout])));
  grace.abort();
  const answered = samples.filter((s): s is Sample => s !== undefined);
  return {
    ack: summary(answered.filter((s) => s.ok).map((s) => s.ms)),
    errors: answered.filter((s) => !s.ok).length,
    unanswered: samples.length - answered.length,
  };
}
