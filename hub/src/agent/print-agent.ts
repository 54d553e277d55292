// The print agent: this same codebase on a kiosk PC. It connects to the hub as a device of role
// 'agent' (its device names the kiosk), prints the slips the hub sends for that kiosk on the local
// serial printer, and reports the printer's status when it changes. Every job is remembered by its
// id (job-memory.ts): a job the hub sends again is answered, not printed again, and outcomes are
// reported (agent:settle) until the hub confirms it has them, after each job and on every reconnect.
import type { ClientToServerEvents, ServerToClientEvents } from '@yichuang/shared/events';
import type { AgentJob, AgentJobResult, ObservedStatus } from '@yichuang/shared/printing';
import { io, type Socket } from 'socket.io-client';
import type { DevicePrinter } from '../printing/device-printer.js';
import type { JobMemory } from './job-memory.js';
import type { AgentOptions } from './options.js';

type AgentSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** After the hub refused the token, ask again this much later (the agent may have been paired since). */
const REJOIN_MS = 10_000;
/** Outcomes per agent:settle message (the hub refuses larger lists). */
const SETTLE_BATCH = 200;

export class PrintAgent {
  readonly #socket: AgentSocket;
  readonly #port: string;
  /** Jobs printing now, by id: the same job sent again meanwhile waits for this one. */
  readonly #running = new Map<string, Promise<AgentJobResult>>();
  #status: ObservedStatus | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  #rejoin: ReturnType<typeof setTimeout> | undefined;
  #settling: Promise<void> = Promise.resolve();

  /**
   * The printer and the job memory outlive the agent's connections (one per token): they are opened once for the process.
   * `refused` hears when the hub refuses the token or revokes the device (the agent keeps asking again).
   */
  constructor(
    private readonly options: AgentOptions,
    private readonly printer: DevicePrinter,
    private readonly jobs: JobMemory,
    token: string,
    private readonly log: (line: string) => void,
    private readonly refused: () => void = () => undefined,
  ) {
    this.#port = `${options.printer} @ ${options.baudRate}`;
    this.#socket = io(options.hub, { auth: { token }, autoConnect: false, reconnectionDelay: 500, reconnectionDelayMax: 5000 });
  }

  start(): void {
    const socket = this.#socket;
    socket.on('connect', () => {
      this.log(`已连接大厅服务器 / connected to ${this.options.hub}`);
      void this.#poll(true);
      this.#settle();
    });
    socket.on('disconnect', (reason) => {
      this.log(`与服务器断开 / disconnected: ${reason}`);
      // The hub let go of this agent (revoked): socket.io does not come back by itself.
      if (reason === 'io server disconnect') this.#rejoinLater();
    });
    socket.on('connect_error', (err: Error & { data?: { message?: string; messageEn?: string } }) => {
      if (socket.active) return; // network trouble: socket.io keeps trying
      this.log(`服务器拒绝连接：${err.data?.message ?? err.message} / refused: ${err.data?.messageEn ?? err.message}`);
      this.#rejoinLater();
      this.refused();
    });
    socket.on('device:revoked', () => {
      this.log('本代理已在管理台被撤销 / this agent was revoked on the console');
      this.refused();
    });
    socket.on('agent:print', (job, ack) => {
      void this.#print(job).then((result) => {
        ack(result);
        this.#settle();
      });
    });
    this.#timer = setInterval(() => void this.#poll(false), this.options.pollMs);
    socket.connect();
  }

  #rejoinLater(): void {
    clearTimeout(this.#rejoin);
    this.#rejoin = setTimeout(() => this.#socket.connect(), REJOIN_MS);
  }

  stop(): void {
    clearInterval(this.#timer);
    clearTimeout(this.#rejoin);
    this.#socket.disconnect();
  }

  /** A job prints at most once: one that ran (here, before a restart too) is answered with its outcome. */
  #print(job: AgentJob): Promise<AgentJobResult> {
    const known = this.jobs.outcome(job.jobId);
    if (known) {
      this.log(`${job.ticketNumber}: 此任务已处理过，不再打印 / job ${job.jobId} ran before (${known.ok ? 'printed' : 'not printed'}); not printed again`);
      return Promise.resolve({ ok: known.ok, status: known.status, sent: known.sent ?? true });
    }
    const running = this.#running.get(job.jobId);
    if (running) return running;
    const printing = this.#printNew(job).finally(() => this.#running.delete(job.jobId));
    this.#running.set(job.jobId, printing);
    return printing;
  }

  async #printNew(job: AgentJob): Promise<AgentJobResult> {
    // Noted before the first byte: a restart mid-slip must not print it again. A disk that fails
    // costs that guarantee across a restart, not the citizen's slip.
    await this.jobs.started(job.jobId, job.ticketNumber).catch((err: unknown) => this.log(`打印任务记录写入失败 / job ${job.jobId} not noted: ${(err as Error).message}`));
    const result = await this.printer.print(Buffer.from(job.data));
    this.log(`${job.ticketNumber}: ${result.ok ? '已打印 / printed' : `未打印 / not printed (${result.status}${result.sent ? ', interrupted' : ''})`}`);
    await this.jobs.done(job.jobId, result).catch((err: unknown) => this.log(`打印结果记录写入失败 / outcome of ${job.jobId} not noted: ${(err as Error).message}`));
    this.#status = result.status;
    return result;
  }

  /** Reports the outcomes the hub has not confirmed; marks those it confirms. One round at a time. */
  #settle(): void {
    this.#settling = this.#settling.then(async () => {
      const outcomes = this.jobs.unreported();
      for (let i = 0; i < outcomes.length && this.#socket.connected; i += SETTLE_BATCH) {
        const ack = await this.#socket.timeout(10_000).emitWithAck('agent:settle', { outcomes: outcomes.slice(i, i + SETTLE_BATCH) }).catch(() => undefined);
        if (!ack?.ok) return; // asked again after the next job or connection
        await this.jobs.reported(ack.data.settled);
      }
    }).catch((err: unknown) => this.log(`打印结果上报失败 / settling job outcomes failed: ${(err as Error).message}`));
  }

  /** Reports the status when it changed, or always (after connecting). */
  async #poll(always: boolean): Promise<void> {
    const status = await this.printer.status();
    if (!always && status === this.#status) return;
    if (status !== this.#status) this.log(`打印机 / printer ${this.#port}: ${status}`);
    this.#status = status;
    if (!this.#socket.connected) return;
    this.#socket.emit('agent:state', { status, port: this.#port, baudRate: this.options.baudRate }, (ack) => {
      if (!ack.ok) this.log(`服务器未接受状态 / hub refused the report: ${ack.error.message} / ${ack.error.messageEn}`);
    });
  }
}
