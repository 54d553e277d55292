// Every configured printer with its endpoint, its print queue and its live state. Reconfigured in
// place when the managers change printers.json; print agents are matched to printers by kiosk.
import type { PrinterConfig, PrinterState } from '@yichuang/shared/printing';
import type { HubSocket } from '../realtime/types.js';
import { AgentEndpoint, type AgentReport } from './agent-endpoint.js';
import type { JobOutcome, PrintJob, StatusReport } from './endpoint.js';
import { describeConnection, LocalEndpoint } from './local-endpoint.js';
import { EXPIRED, PrintQueue } from './print-queue.js';

interface Entry {
  config: PrinterConfig;
  endpoint: LocalEndpoint | AgentEndpoint | undefined;
  queue: PrintQueue;
  state: PrinterState;
}

export interface FleetDeps {
  /** Called whenever a printer's state changes. */
  publish: (state: PrinterState) => void;
  clock: () => number;
  pollMs: number;
}

export class PrinterFleet {
  readonly #entries = new Map<string, Entry>();
  /** Connected print agents by kiosk, with what each last said of its printer, kept across reconfigurations. */
  readonly #agents = new Map<string, { socket: HubSocket; report?: AgentReport }>();
  #reconciling: Promise<void> = Promise.resolve();

  constructor(private readonly deps: FleetDeps) {}

  /** Applies a new printer list: removed or changed printers are closed, new ones started; one list at a time. */
  reconcile(printers: readonly PrinterConfig[]): Promise<void> {
    const run = this.#reconciling.then(() => this.#reconcile(printers));
    this.#reconciling = run.catch(() => undefined);
    return run;
  }

  async #reconcile(printers: readonly PrinterConfig[]): Promise<void> {
    const wanted = new Map(printers.map((p) => [p.id, p]));
    for (const [id, entry] of this.#entries) {
      const next = wanted.get(id);
      if (next && same(next, entry.config)) continue;
      if (next && same({ ...next, name: entry.config.name }, entry.config)) {
        // A new name only: the printer goes on as it is.
        entry.config = next;
        this.#update(entry, { name: next.name });
        continue;
      }
      this.#entries.delete(id);
      await entry.endpoint?.close();
      // A removed printer serves its kiosk no more: the kiosk stops warning about it.
      if (!next) this.deps.publish({ ...entry.state, enabled: false, status: 'offline', queued: 0 });
    }
    for (const config of printers) if (!this.#entries.has(config.id)) this.#start(config);
  }

  /** The enabled printer of a kiosk. */
  forKiosk(kioskId: string): PrinterState | undefined {
    for (const e of this.#entries.values()) if (e.config.kioskId === kioskId && e.config.enabled) return e.state;
    return undefined;
  }

  state(printerId: string): PrinterState | undefined {
    return this.#entries.get(printerId)?.state;
  }

  states(): PrinterState[] {
    return [...this.#entries.values()].map((e) => e.state);
  }

  /**
   * Queues a slip; EXPIRED when it could not start before `startBy` (performance.now() time).
   * `starting` runs just before the slip goes to the printer (the hub notes the job there).
   */
  run(printerId: string, job: PrintJob, startBy: number, starting: () => Promise<void>): Promise<JobOutcome | typeof EXPIRED> {
    const entry = this.#entries.get(printerId);
    const endpoint = entry?.endpoint;
    if (!entry || !endpoint) return Promise.resolve({ ok: false, status: 'offline', reason: 'offline' });
    return entry.queue.run(async () => {
      await starting();
      return endpoint.print(job);
    }, startBy);
  }

  /** How long a slip of `bytes` may take on that printer's line (0 for a printer not running). */
  lineMs(printerId: string, bytes: number): number {
    return this.#entries.get(printerId)?.endpoint?.lineMs(bytes) ?? 0;
  }

  attachAgent(kioskId: string, socket: HubSocket): void {
    this.#agents.set(kioskId, { socket });
    this.#agentEndpoint(kioskId)?.attach(socket);
  }

  detachAgent(kioskId: string, socket: HubSocket): void {
    if (this.#agents.get(kioskId)?.socket === socket) this.#agents.delete(kioskId);
    this.#agentEndpoint(kioskId)?.detach(socket);
  }

  /** An agent's report; the printer it drives, or undefined when none is configured for its kiosk. */
  agentReport(kioskId: string, report: AgentReport): string | undefined {
    const agent = this.#agents.get(kioskId);
    if (agent) agent.report = report;
    const endpoint = this.#agentEndpoint(kioskId);
    endpoint?.update(report);
    return endpoint && this.forKiosk(kioskId)?.printerId;
  }

  async close(): Promise<void> {
    for (const e of this.#entries.values()) await e.endpoint?.close();
    this.#entries.clear();
  }

  #agentEndpoint(kioskId: string): AgentEndpoint | undefined {
    for (const e of this.#entries.values()) {
      if (e.config.kioskId === kioskId && e.endpoint instanceof AgentEndpoint) return e.endpoint;
    }
    return undefined;
  }

  #start(config: PrinterConfig): void {
    const c = config.connection;
    const agent = c.kind === 'agent' && config.enabled ? this.#agents.get(config.kioskId) : undefined;
    const entry: Entry = {
      config,
      endpoint: undefined,
      queue: new PrintQueue((queued) => this.#update(entry, { queued })),
      state: {
        printerId: config.id,
        kioskId: config.kioskId,
        name: config.name,
        connection: c.kind,
        where: c.kind === 'agent' ? (agent?.report?.where ?? '') : describeConnection(c),
        enabled: config.enabled,
        // An agent printer is offline until its agent connects, and as its agent last said if it is
        // connected; a local one is asked at once.
        status: !config.enabled ? 'offline' : c.kind !== 'agent' ? 'unknown' : agent ? (agent.report?.status ?? 'unknown') : 'offline',
        since: this.deps.clock(),
        queued: 0,
        ...(c.kind === 'agent' ? { agentConnected: agent !== undefined } : {}),
      },
    };
    this.#entries.set(config.id, entry);
    this.deps.publish(entry.state);
    if (!config.enabled) return;
    const report = (r: StatusReport & { agentConnected?: boolean }): void => {
      if (this.#entries.get(config.id) !== entry) return;
      this.#update(entry, r);
      // What a print answer said of the agent's printer is its latest word too.
      const connected = c.kind === 'agent' && r.agentConnected ? this.#agents.get(config.kioskId) : undefined;
      if (connected?.report) connected.report = { ...connected.report, status: r.status };
    };
    if (c.kind === 'agent') {
      const endpoint = new AgentEndpoint(report);
      entry.endpoint = endpoint;
      // An agent already connected: its printer is as it last said, not unknown until it reconnects.
      if (agent) endpoint.attach(agent.socket, agent.report);
    } else entry.endpoint = new LocalEndpoint({ ...config, connection: c }, report, this.deps.pollMs);
  }

  #update(entry: Entry, patch: Partial<Pick<PrinterState, 'name' | 'status' | 'where' | 'queued' | 'agentConnected'>>): void {
    const before = entry.state;
    const next: PrinterState = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
    if (next.status !== before.status) next.since = this.deps.clock();
    if (JSON.stringify(next) === JSON.stringify(before)) return;
    entry.state = next;
    this.deps.publish(next);
  }
}

const same = (a: PrinterConfig, b: PrinterConfig): boolean => JSON.stringify(a) === JSON.stringify(b);
