// The print agent: this same codebase on a kiosk PC. It connects to the hub as a device of role
// 'agent' (its device names the kiosk), prints the slips the hub sends for that kiosk on the local
// serial printer, and reports the printer's status when it changes.
import type { ClientToServerEvents, ServerToClientEvents } from '@yichuang/shared/events';
import type { AgentJob, AgentJobResult, ObservedStatus } from '@yichuang/shared/printing';
import { io, type Socket } from 'socket.io-client';
import type { DevicePrinter } from '../printing/device-printer.js';
import type { AgentOptions } from './options.js';

type AgentSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** After the hub refused the token, ask again this much later (the agent may have been paired since). */
const REJOIN_MS = 10_000;

export class PrintAgent {
  readonly #socket: AgentSocket;
  readonly #port: string;
  #status: ObservedStatus | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  #rejoin: ReturnType<typeof setTimeout> | undefined;

  /**
   * The printer outlives the agent's connections (one per token): it is opened once for the process.
   * `refused` hears when the hub refuses the token or revokes the device (the agent keeps asking again).
   */
  constructor(
    private readonly options: AgentOptions,
    private readonly printer: DevicePrinter,
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
    socket.on('agent:print', (job, ack) => void this.#print(job).then(ack));
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

  async #print(job: AgentJob): Promise<AgentJobResult> {
    const result = await this.printer.print(Buffer.from(job.data));
    this.log(`${job.ticketNumber}: ${result.ok ? '已打印 / printed' : `未打印 / not printed (${result.status})`}`);
    this.#status = result.status;
    return result;
  }

  /** Reports the status when it changed, or always (after connecting). */
  async #poll(always: boolean): Promise<void> {
    const status = await this.printer.status();
    if (!always && status === this.#status) return;
    if (status !== this.#status) this.log(`打印机 / printer ${this.#port}: ${status}`);
    this.#status = status;
    if (!this.#socket.connected) return;
    this.#socket.emit('agent:state', { status, port: this.#port }, (ack) => {
      if (!ack.ok) this.log(`服务器未接受状态 / hub refused the report: ${ack.error.message} / ${ack.error.messageEn}`);
    });
  }
}
