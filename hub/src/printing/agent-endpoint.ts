// A printer on a kiosk PC, driven by the print agent running there (hub/src/agent). The hub sends
// each slip to the agent and waits for its answer; an agent that is not connected, or that drops
// during a job, means the slip is not printed for now. The agent remembers every job by its id: it
// prints a job at most once, and reports what it could not report at the time when it reconnects
// (agent:settle; design.md §6).
import { PRINTER_STATUSES, type AgentJobResult } from '@yichuang/shared/printing';
import type { HubSocket } from '../realtime/types.js';
import { outcome, type JobOutcome, type PrinterEndpoint, type PrintJob, type StatusReport } from './endpoint.js';
import { lineMs } from './printer-link.js';

/** The agent asks its printer (≤ 0.8 s for each of its three status bytes, before and after), then the slip's own time. */
const AGENT_JOB_MS = 8000;
/** An agent that does not say its baud rate (an older one) is taken to print at 9600 baud. */
const DEFAULT_BAUD = 9600;
const GONE = Symbol('gone');

/** What an agent last said of its printer. */
export interface AgentReport extends StatusReport {
  baudRate?: number;
}

export class AgentEndpoint implements PrinterEndpoint {
  #socket: HubSocket | undefined;
  #baudRate = DEFAULT_BAUD;

  constructor(private readonly report: (r: StatusReport & { agentConnected: boolean }) => void) {}

  get connected(): boolean {
    return this.#socket !== undefined;
  }

  /** An agent connected: its printer's status is what it last reported, if it did on this connection. */
  attach(socket: HubSocket, last?: AgentReport): void {
    this.#socket = socket;
    if (last?.baudRate) this.#baudRate = last.baudRate;
    this.report({ status: last?.status ?? 'unknown', where: last?.where, agentConnected: true });
  }

  detach(socket: HubSocket): void {
    if (this.#socket !== socket) return;
    this.#socket = undefined;
    this.report({ status: 'offline', agentConnected: false });
  }

  update(r: AgentReport): void {
    if (r.baudRate) this.#baudRate = r.baudRate;
    this.report({ status: r.status, where: r.where, agentConnected: this.connected });
  }

  lineMs(bytes: number): number {
    return lineMs(bytes, this.#baudRate / 10);
  }

  async print(job: PrintJob): Promise<JobOutcome> {
    const socket = this.#socket;
    if (!socket) return { ok: false, status: 'offline', reason: 'agent-offline' };
    let onGone: (() => void) | undefined;
    const gone = new Promise<typeof GONE>((resolve) => {
      onGone = () => resolve(GONE);
      socket.once('disconnect', onGone);
    });
    try {
      const sent = { jobId: job.id, ticketNumber: job.ticketNumber, data: job.bytes };
      const answer: AgentJobResult | typeof GONE = await Promise.race([socket.timeout(AGENT_JOB_MS + this.lineMs(job.bytes.length)).emitWithAck('agent:print', sent), gone]);
      if (answer === GONE) return { ok: false, status: 'offline', reason: 'agent-offline' };
      if (typeof answer?.ok !== 'boolean' || !PRINTER_STATUSES.includes(answer.status)) return { ok: false, status: 'error', reason: 'error' };
      this.update({ status: answer.status });
      return outcome(answer.ok, answer.status, answer.sent === true);
    } catch {
      return { ok: false, status: 'offline', reason: 'timeout' };
    } finally {
      if (onGone) socket.off('disconnect', onGone);
    }
  }

  async close(): Promise<void> {
    this.#socket = undefined;
  }
}
