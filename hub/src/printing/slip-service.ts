// A ticket's slip, after the ticket is committed: printed on its kiosk's printer within a few
// seconds or shown as an e-ticket, and the outcome recorded in the journal (engine: recordPrint).
// Staff reprint a failed slip with the same number.
import type { Device, HallConfig, Ticket } from '@yichuang/shared/domain';
import { appError, type Ack } from '@yichuang/shared/errors';
import { FAIL_REASON_ERRORS, FAIL_REASONS, WORTH_TRYING, type FailReason, type PrintResult, type UnprintedTicket } from '@yichuang/shared/printing';
import type { TicketLinks } from '../security/ticket-links.js';
import type { CommandKey, HallService } from '../hall/hall-service.js';
import type { SlipPrinter } from '../queue/ticketing.js';
import type { Views } from '../hall/views.js';
import { reasonFor, type JobOutcome } from './endpoint.js';
import { ticketPageUrl } from './page-url.js';
import { EXPIRED } from './print-queue.js';
import type { PrinterFleet } from './printer-fleet.js';
import type { PrintingSettingsService } from './printing-settings.js';
import { slipBytes, type TicketSlip } from './ticket-layout.js';

/** The kiosk's answer waits at most this long for the slip; after that it shows the e-ticket. */
export const ISSUE_BUDGET_MS = 3000;
/** Staff wait a little longer for a reprint (still inside the screens' 10 s command timeout). */
export const REPRINT_BUDGET_MS = 6000;

export interface SlipServiceDeps {
  hall: HallService;
  views: Views;
  config: () => HallConfig;
  fleet: PrinterFleet;
  settings: PrintingSettingsService;
  /** http://host:port phones reach the hub at, when the layout does not name one. */
  lanBaseUrl: () => string;
  links: TicketLinks;
  log: (line: string) => void;
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

    // A printer known not to be ready is not tried: the citizen gets the e-ticket at once.
    const known = WORTH_TRYING.includes(printer.status) ? undefined : printer.agentConnected === false ? 'agent-offline' : reasonFor(printer.status);
    const job = known
      ? settled(this.#record(ticket, printer.printerId, { ok: false, reason: known }, device))
      : this.#print(ticket, printer.printerId, device, ISSUE_BUDGET_MS);
    const result = job.answer.then((a) => asResult(a, printer.printerId, pageUrl));
    // Kept until the outcome is recorded, so a retry during a slow print does not print a second slip.
    this.#inflight.set(ticketId, result);
    job.done.finally(() => this.#inflight.delete(ticketId)).catch(() => undefined); // a failure is answered above
    return result;
  }

  /** Prints the slip again, same number, on the ticket's printer or a chosen one; always tries. */
  /** A reprint whose outcome the journal has (it ran before a restart) answers with it, and prints nothing. */
  async reprint(input: { number: string; printerId?: string }, device: Device, key: CommandKey): Promise<Ack<PrintResult>> {
    const printed = this.deps.hall.recorded(key)?.find((r) => r.event.type === 'ticket.printed')?.event;
    if (printed?.type !== 'ticket.printed') return this.#reprint(input, device, key);
    const ticket = this.deps.hall.current.tickets[printed.ticketId];
    return { ok: true, data: resultOf(printed, ticket ? this.pageUrl(ticket) : '') };
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

  async #reprint(input: { number: string; printerId?: string }, device: Device, key: CommandKey): Promise<Ack<PrintResult>> {
    await this.deps.settings.ready;
    const state = this.deps.hall.current;
    const id = state.byNumber[input.number];
    const ticket = id ? state.tickets[id] : undefined;
    if (!ticket) return { ok: false, error: appError('UNKNOWN_TICKET', { number: input.number }) };
    const printerId = input.printerId ?? ticket.print?.printerId ?? (ticket.kioskId ? this.deps.fleet.forKiosk(ticket.kioskId)?.printerId : undefined);
    if (!printerId) return { ok: false, error: appError('REPRINT_NO_PRINTER', { number: ticket.number }) };
    if (!this.deps.fleet.state(printerId)) return { ok: false, error: appError('UNKNOWN_PRINTER', { printerId }) };
    const attempt = await this.#print(ticket, printerId, device, REPRINT_BUDGET_MS, key).answer;
    return { ok: true, data: asResult(attempt, printerId, this.pageUrl(ticket)) };
  }

  /** Queues the slip. `answer` comes within `budgetMs`; `done` once the real outcome is recorded. */
  #print(ticket: Ticket, printerId: string, device: Device, budgetMs: number, key?: CommandKey): Job {
    let bytes: Buffer;
    try {
      bytes = slipBytes(this.#slip(ticket), this.deps.settings.settings().layout);
    } catch (err) {
      this.deps.log(`slip ${ticket.number} could not be laid out: ${(err as Error).stack ?? String(err)}`);
      return settled(this.#record(ticket, printerId, { ok: false, reason: 'error' }, device, key));
    }
    const done = this.deps.fleet
      .run(printerId, bytes, ticket.number, performance.now() + budgetMs)
      .then((outcome) => this.#record(ticket, printerId, attemptOf(outcome), device, key));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<Attempt>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, reason: 'timeout' }), budgetMs);
    });
    const answer = Promise.race([done, late]).finally(() => clearTimeout(timer));
    return { answer, done };
  }

  async #record(ticket: Ticket, printerId: string, attempt: Attempt, device: Device, key?: CommandKey): Promise<Attempt> {
    const reason = attempt.ok ? undefined : attempt.reason;
    const recorded = await this.deps.hall.execute({ type: 'recordPrint', ticketId: ticket.id, printerId, ok: attempt.ok, reason }, { deviceId: device.id }, key);
    if (!recorded.ok) this.deps.log(`print outcome of ${ticket.number} not recorded: ${recorded.error.messageEn}`);
    return attempt;
  }

  #slip(ticket: Ticket): TicketSlip {
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
    };
  }
}

function attemptOf(outcome: JobOutcome | typeof EXPIRED): Attempt {
  if (outcome === EXPIRED) return { ok: false, reason: 'timeout' };
  return outcome.ok ? { ok: true } : { ok: false, reason: outcome.reason ?? reasonFor(outcome.status) };
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

function resultOf(print: NonNullable<Ticket['print']>, pageUrl: string): PrintResult {
  return asResult(print.ok ? { ok: true } : { ok: false, reason: knownReason(print.reason) ?? 'error' }, print.printerId, pageUrl);
}
