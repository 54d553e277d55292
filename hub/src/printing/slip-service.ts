// A ticket's slip, after the ticket is committed: printed on its kiosk's printer within a few
// seconds or shown as an e-ticket, and the outcome recorded in the journal (engine: recordPrint).
// Staff reprint a failed slip with the same number; a reprint says 补打 and when.
//
// Print jobs (design.md §6): every slip has an id that is the same on every try of that slip — the
// issue's slip `<ticketId>#slip` (a kiosk retrying the issue gets the same ticket, so the same job),
// a reprint `<ticketId>#r-<hash of its command key>` (a resent reprint is the same job). The hub
// notes a job before its first byte goes out (storage/print-job-log.ts), and records its outcome
// under the engine key `print:<jobId>`, so it is recorded once, even from two sides at once. A job
// begun before a restart without a recorded outcome is not sent to a local printer again (part of it
// may have come out: it is recorded interrupted, for a reprint); an agent gets it again by the same
// id and answers what became of it without printing it twice. An agent reports outcomes it could
// not deliver when it reconnects (settle); one that says a slip the hub gave up on was printed
// after all is recorded as a late outcome.
import { createHash } from 'node:crypto';
import type { AuditActor } from '@yichuang/shared/admin';
import type { Device, HallConfig, Ticket } from '@yichuang/shared/domain';
import { appError, type Ack } from '@yichuang/shared/errors';
import {
  FAIL_REASON_ERRORS,
  FAIL_REASONS,
  WORTH_TRYING,
  type AgentOutcome,
  type FailReason,
  type PrinterState,
  type PrintResult,
  type UnprintedTicket,
} from '@yichuang/shared/printing';
import { personAt, type AuditWrite } from '../security/audit-write.js';
import type { TicketLinks } from '../security/ticket-links.js';
import type { CommandKey, HallService } from '../hall/hall-service.js';
import type { SlipPrinter } from '../queue/ticketing.js';
import type { Views } from '../hall/views.js';
import type { JournalRecord } from '../storage/journal.js';
import type { PrintJobLog } from '../storage/print-job-log.js';
import { outcome, reasonFor, type JobOutcome } from './endpoint.js';
import { ticketPageUrl } from './page-url.js';
import { EXPIRED } from './print-queue.js';
import type { PrinterFleet } from './printer-fleet.js';
import type { PrintingSettingsService } from './printing-settings.js';
import { slipBytes, type TicketSlip } from './ticket-layout.js';

/** The kiosk's answer waits at most this long for the slip, plus the slip's time on the line; after that it shows the e-ticket. */
export const ISSUE_BUDGET_MS = 3000;
/** Staff wait a little longer for a reprint. */
export const REPRINT_BUDGET_MS = 6000;
/** Whatever the line: the answer still comes inside the screens' 10 s command timeout. */
const MAX_BUDGET_MS = 8500;

/** The job of a ticket's slip at its issue. */
export const issueJobId = (ticketId: string): string => `${ticketId}#slip`;
/** The job of a reprint, by the reprint command's key. */
export const reprintJobId = (ticketId: string, key: CommandKey): string => `${ticketId}#r-${createHash('sha256').update(key).digest('base64url').slice(0, 12)}`;
/** The ticket a job prints (ticket ids hold no '#'). */
export const ticketOfJob = (jobId: string): string => jobId.slice(0, Math.max(0, jobId.indexOf('#')));
/** The engine key a job's outcome is recorded under: once per job. */
const outcomeKey = (jobId: string): CommandKey => `print:${jobId}`;

export interface SlipServiceDeps {
  hall: HallService;
  views: Views;
  config: () => HallConfig;
  fleet: PrinterFleet;
  settings: PrintingSettingsService;
  /** The jobs begun, on disk; undefined when the log could not be opened (jobs are then not remembered across a restart). */
  jobs: Promise<PrintJobLog | undefined>;
  /** http://host:port phones reach the hub at, when the layout does not name one. */
  lanBaseUrl: () => string;
  links: TicketLinks;
  clock: () => number;
  log: (line: string) => void;
  /** Reprints go to the operation log. */
  audit: AuditWrite;
}

type Attempt = { ok: true } | { ok: false; reason: FailReason };

/** A slip on its way: the answer for the screen, and the recorded outcome (later, if the printer is slow). */
interface Job {
  answer: Promise<Attempt>;
  done: Promise<Attempt>;
}

const settled = (recorded: Promise<Attempt>): Job => ({ answer: recorded, done: recorded });

export class SlipService implements SlipPrinter {
  /** Slips being printed, by ticket: a retried issue waits for the same slip instead of printing another. */
  readonly #inflight = new Map<string, Promise<PrintResult>>();

  constructor(private readonly deps: SlipServiceDeps) {}

  async printIssued(ticketId: string, device: Device): Promise<PrintResult> {
    try {
      return await this.#printIssued(ticketId, device);
    } catch (err) {
      // The ticket stands whatever happens to its slip.
      this.deps.log(`slip for ${ticketId} failed: ${(err as Error).stack ?? String(err)}`);
      const ticket = this.deps.hall.current.tickets[ticketId];
      return { status: 'unprinted', reason: failError('error'), pageUrl: ticket ? this.pageUrl(ticket) : '' };
    }
  }

  async #printIssued(ticketId: string, device: Device): Promise<PrintResult> {
    await this.deps.settings.ready;
    const ticket = this.deps.hall.current.tickets[ticketId];
    if (!ticket) return { status: 'unprinted', reason: failError('error'), pageUrl: '' };
    const pageUrl = this.pageUrl(ticket);
    const printer = this.deps.fleet.forKiosk(device.id);
    if (!printer) return { status: 'unprinted', reason: failError('no-printer'), pageUrl };
    // A retried issue: its slip was printed or failed already, or is printing now.
    if (ticket.print) return resultOf(ticket.print, pageUrl);
    const running = this.#inflight.get(ticketId);
    if (running) return running;

    const job = this.#job(ticket, issueJobId(ticket.id), printer, device, ISSUE_BUDGET_MS);
    const result = job.answer.then((a) => asResult(a, printer.printerId, pageUrl));
    // Kept until the outcome is recorded, so a retry during a slow print does not print a second slip.
    this.#inflight.set(ticketId, result);
    job.done.finally(() => this.#inflight.delete(ticketId)).catch(() => undefined); // a failure is answered above
    return result;
  }

  /**
   * Prints the slip again, same number and marked 补打 with the time, on the ticket's printer or a
   * chosen one; always tries. A reprint whose outcome the journal has (it ran before a restart)
   * answers with it, and prints nothing.
   */
  async reprint(input: { number: string; printerId?: string }, device: Device, key: CommandKey, actor: AuditActor): Promise<Ack<PrintResult>> {
    await this.deps.settings.ready;
    const state = this.deps.hall.current;
    const id = state.byNumber[input.number];
    const ticket = id ? state.tickets[id] : undefined;
    if (!ticket) return { ok: false, error: appError('UNKNOWN_TICKET', { number: input.number }) };
    const jobId = reprintJobId(ticket.id, key);
    // Journals from before print jobs had ids keyed a reprint's outcome by the reprint's own key.
    const printed = printedEvent(this.deps.hall.recorded(outcomeKey(jobId)) ?? this.deps.hall.recorded(key));
    if (printed) return { ok: true, data: resultOf(printed, this.pageUrl(ticket)) };

    const printerId = input.printerId ?? ticket.print?.printerId ?? (ticket.kioskId ? this.deps.fleet.forKiosk(ticket.kioskId)?.printerId : undefined);
    if (!printerId) return { ok: false, error: appError('REPRINT_NO_PRINTER', { number: ticket.number }) };
    const printer = this.deps.fleet.state(printerId);
    if (!printer) return { ok: false, error: appError('UNKNOWN_PRINTER', { printerId }) };
    const attempt = await this.#job(ticket, jobId, printer, device, REPRINT_BUDGET_MS, { reprintedAt: this.deps.clock() }).answer;
    // Run once per command id (onCommandOnce), so once in the operation log; whether it came out is part of it.
    await this.deps.audit({ actor: personAt(device, actor, this.deps.hall.current, this.deps.config()), action: 'ticket.reprint', target: ticket.number, after: { number: ticket.number, printer: printer.name, printed: attempt.ok } });
    return { ok: true, data: asResult(attempt, printerId, this.pageUrl(ticket)) };
  }

  /**
   * Outcomes a print agent could not report at the time (it or the hub went away), sent when it
   * reconnects: each recorded unless it is already, and a slip the hub gave up on that the agent
   * printed after all is recorded printed. Answers the jobs it has dealt with (all of them).
   */
  async settle(outcomes: readonly AgentOutcome[], agent: Device): Promise<string[]> {
    await this.deps.settings.ready;
    const jobs = await this.deps.jobs;
    const printerId = agent.kioskId ? this.deps.fleet.forKiosk(agent.kioskId)?.printerId : undefined;
    for (const o of outcomes) {
      const ticket = this.deps.hall.current.tickets[ticketOfJob(o.jobId)];
      const started = jobs?.started(o.jobId);
      // Only a job the hub gave this agent's printer, of a ticket of today.
      if (!ticket || !started || started.printerId !== printerId) continue;
      const attempt = attemptOf(outcome(o.ok, o.status, o.sent === true));
      const recorded = printedEvent(this.deps.hall.recorded(outcomeKey(o.jobId)));
      if (!recorded) await this.#record(ticket, started.printerId, attempt, agent, o.jobId);
      else if (!recorded.ok && attempt.ok) await this.#record(ticket, started.printerId, attempt, agent, o.jobId, true);
    }
    return outcomes.map((o) => o.jobId);
  }

  /** Today's tickets whose last slip failed, oldest first. */
  unprinted(): UnprintedTicket[] {
    return Object.values(this.deps.hall.current.tickets)
      .filter((t) => t.print && !t.print.ok)
      .sort((a, b) => a.issuedAt - b.issuedAt)
      .flatMap((t) => {
        const view = this.deps.views.ticketById(t.id);
        const print = t.print!;
        return view ? [{ ticket: view, printerId: print.printerId, reason: knownReason(print.reason), at: print.at }] : [];
      });
  }

  pageUrl(ticket: Ticket): string {
    const base = this.deps.settings.settings().layout.publicUrl || this.deps.lanBaseUrl();
    return ticketPageUrl(base, ticket.number, ticket.day, this.deps.links.sign(ticket.day, ticket.number));
  }

  /**
   * One try of the slip `jobId`. `answer` comes within the budget (plus the slip's time on the
   * line); `done` once the real outcome is recorded. A reprint always tries; a slip at issue is not
   * sent to a printer known not to be ready (the citizen gets the e-ticket at once).
   */
  #job(ticket: Ticket, jobId: string, printer: PrinterState, device: Device, budgetMs: number, reprint?: { reprintedAt: number }): Job {
    const { printerId } = printer;
    const record = (attempt: Attempt): Promise<Attempt> => this.#record(ticket, printerId, attempt, device, jobId);
    let bytes: Buffer;
    try {
      bytes = slipBytes(this.#slip(ticket, reprint?.reprintedAt), this.deps.settings.settings().layout);
    } catch (err) {
      this.deps.log(`slip ${ticket.number} could not be laid out: ${(err as Error).stack ?? String(err)}`);
      return settled(record({ ok: false, reason: 'error' }));
    }
    const budget = Math.min(budgetMs + this.deps.fleet.lineMs(printerId, bytes.length), MAX_BUDGET_MS);
    const startBy = performance.now() + budget;
    const done = (async (): Promise<Attempt> => {
      const jobs = await this.deps.jobs;
      const begun = jobs?.started(jobId);
      // Begun before a restart, outcome unknown: a local printer may have printed part or all of it.
      if (begun && printer.connection !== 'agent') return record({ ok: false, reason: 'interrupted' });
      const known = reprint || WORTH_TRYING.includes(printer.status) ? undefined : printer.agentConnected === false ? 'agent-offline' : reasonFor(printer.status);
      if (known) return record({ ok: false, reason: known });
      const starting = async (): Promise<void> => {
        if (begun || !jobs) return;
        // Not noted, the job would be printed again by a retry after a restart; printing it beats no slip at all.
        await jobs.start(jobId, printerId).catch((err: unknown) => this.deps.log(`print job ${jobId} not noted: ${(err as Error).message}`));
      };
      const result = await this.deps.fleet.run(printerId, { id: jobId, ticketNumber: ticket.number, bytes }, startBy, starting);
      return record(attemptOf(result));
    })();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<Attempt>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, reason: 'timeout' }), budget);
    });
    const answer = Promise.race([done, late]).finally(() => clearTimeout(timer));
    return { answer, done };
  }

  /** Records the job's outcome once (its engine key); answers with what the journal holds for it. */
  async #record(ticket: Ticket, printerId: string, attempt: Attempt, device: Device, jobId: string, late = false): Promise<Attempt> {
    const reason = attempt.ok ? undefined : attempt.reason;
    const key = late ? `${outcomeKey(jobId)}:settled` : outcomeKey(jobId);
    const recorded = await this.deps.hall.execute(
      { type: 'recordPrint', ticketId: ticket.id, printerId, ok: attempt.ok, reason, jobId, ...(late && { late }) },
      { deviceId: device.id },
      key,
    );
    if (!recorded.ok) {
      this.deps.log(`print outcome of ${ticket.number} not recorded: ${recorded.error.messageEn}`);
      return attempt;
    }
    const event = printedEvent(recorded.data);
    return event ? attemptOfPrint(event) : attempt;
  }

  #slip(ticket: Ticket, reprintedAt: number | undefined): TicketSlip {
    const { hall, categories } = this.deps.config();
    const { layout } = this.deps.settings.settings();
    const view = this.deps.views.ticketById(ticket.id);
    return {
      header: layout.header || hall.name,
      number: ticket.number,
      categoryName: categories.find((c) => c.id === ticket.categoryId)?.name ?? ticket.categoryId,
      priority: ticket.priority,
      issuedAt: ticket.issuedAt,
      timeZone: hall.timeZone,
      ahead: view?.ahead ?? 0,
      estimatedWaitMin: view ? this.deps.views.ticketWaitMin(view) : 0,
      identity: ticket.identity?.masked,
      footer: layout.footer,
      pageUrl: this.pageUrl(ticket),
      ...(reprintedAt !== undefined && { reprintedAt }),
    };
  }
}

type PrintedEvent = Extract<JournalRecord['event'], { type: 'ticket.printed' }>;

function printedEvent(records: readonly JournalRecord[] | undefined): PrintedEvent | undefined {
  const event = records?.find((r) => r.event.type === 'ticket.printed')?.event;
  return event?.type === 'ticket.printed' ? event : undefined;
}

function attemptOf(outcome: JobOutcome | typeof EXPIRED): Attempt {
  if (outcome === EXPIRED) return { ok: false, reason: 'timeout' };
  return outcome.ok ? { ok: true } : { ok: false, reason: outcome.reason ?? reasonFor(outcome.status) };
}

function attemptOfPrint(print: { ok: boolean; reason?: string }): Attempt {
  return print.ok ? { ok: true } : { ok: false, reason: knownReason(print.reason) ?? 'error' };
}

function knownReason(reason: string | undefined): FailReason | undefined {
  return FAIL_REASONS.find((r) => r === reason);
}

function failError(reason: FailReason) {
  return appError(FAIL_REASON_ERRORS[reason]);
}

function asResult(attempt: Attempt, printerId: string, pageUrl: string): PrintResult {
  return attempt.ok ? { status: 'printed', printerId, pageUrl } : { status: 'unprinted', printerId, reason: failError(attempt.reason), pageUrl };
}

function resultOf(print: { ok: boolean; reason?: string; printerId: string }, pageUrl: string): PrintResult {
  return asResult(attemptOfPrint(print), print.printerId, pageUrl);
}
