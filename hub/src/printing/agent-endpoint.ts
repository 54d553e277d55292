// A printer on a kiosk PC, driven by the print agent running there (hub/src/agent). The hub sends
// each slip to the agent and waits for its answer; an agent that is not connected, or that drops
// during a job, means the slip is not printed.
import { randomUUID } from 'node:crypto';
import { PRINTER_STATUSES, type AgentJobResult } from '@yichuang/shared/printing';
import type { HubSocket } from '../realtime/types.js';
import { outcome, type JobOutcome, type PrinterEndpoint, type StatusReport } from './endpoint.js';

/** The agent asks its printer (≤ 0.8 s each way), writes ~250 bytes (0.3 s at 9600 baud) and answers. */
const AGENT_JOB_MS = 8000;
const GONE = Symbol('gone');

export class AgentEndpoint implements PrinterEndpoint {
  #socket: HubSocket | undefined;

  constructor(private readonly report: (r: StatusReport & { agentConnected: boolean }) => void) {}

  get connected(): boolean {
    return this.#socket !== undefined;
  }

  /** An agent connected; its printer's status comes with its first report. */
  attach(socket: HubSocket): void {
    this.#socket = socket;
    this.report({ status: 'unknown', agentConnected: true });
  }

  detach(socket: HubSocket): void {
    if (this.#socket !== socket) return;
    this.#socket = undefined;
    this.report({ status: 'offline', agentConnected: false });
  }

  update(r: StatusReport): void {
    this.report({ ...r, agentConnected: this.connected });
  }

  async print(bytes: Buffer, ticketNumber: string): Promise<JobOutcome> {
    const socket = this.#socket;
    if (!socket) return { ok: false, status: 'offline', reason: 'agent-offline' };
    let onGone: (() => void) | undefined;
    const gone = new Promise<typeof GONE>((resolve) => {
      onGone = () => resolve(GONE);
      socket.once('disconnect', onGone);
    });
    try {
      const job = { jobId: randomUUID(), ticketNumber, data: bytes };
      const answer: AgentJobResult | typeof GONE = await Promise.race([socket.timeout(AGENT_JOB_MS).emitWithAck('agent:print', job), gone]);
      if (answer === GONE) return { ok: false, status: 'offline', reason: 'agent-offline' };
      if (typeof answer?.ok !== 'boolean' || !PRINTER_STATUSES.includes(answer.status)) return { ok: false, status: 'error', reason: 'error' };
      this.update({ status: answer.status });
      return outcome(answer.ok, answer.status);
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
