// The print agent's memory of its print jobs (design.md §6), in <data>/agent-jobs.jsonl on the
// kiosk PC: a job is noted before its first byte goes to the printer and again with its outcome,
// each durably. So a job the hub sends again (a kiosk's retry after the hub restarted) is answered
// with what became of it and never printed twice; a job cut short by the agent's own end (killed,
// power lost) is known as interrupted when it starts again; and outcomes the hub never heard
// (its connection gone) are reported when the agent reconnects, then marked reported.
import type { AgentOutcome, ObservedStatus } from '@yichuang/shared/printing';
import { JsonlFile, readJsonl } from '../storage/jsonl-file.js';

/** Jobs remembered: far more than a kiosk prints between a hub's restarts; older ones are forgotten at start. */
const KEEP_JOBS = 2000;

type Line =
  | { at: number; job: string; event: 'started'; ticket: string }
  | { at: number; job: string; event: 'done'; ok: boolean; status: ObservedStatus; sent: boolean }
  | { at: number; job: string; event: 'reported' };

interface Job {
  at: number;
  ticket: string;
  outcome?: AgentOutcome;
  reported: boolean;
}

export class JobMemory {
  readonly #jobs = new Map<string, Job>();

  private constructor(
    private readonly file: JsonlFile,
    private readonly clock: () => number,
  ) {}

  /** Reads the file; jobs begun and never finished are interrupted (written so); the file is kept short. */
  static async open(path: string, clock: () => number = Date.now): Promise<JobMemory> {
    const memory = new JobMemory(new JsonlFile(path), clock);
    const lines = await readJsonl<Line>(path);
    for (const line of lines) memory.#apply(line);
    const interrupted: Line[] = [...memory.#jobs]
      .filter(([, j]) => !j.outcome)
      .map(([job]) => ({ at: clock(), job, event: 'done', ok: false, status: 'offline', sent: true }));
    for (const line of interrupted) memory.#apply(line);
    const kept = [...memory.#jobs].slice(-KEEP_JOBS);
    if (kept.length < memory.#jobs.size || interrupted.length > 0) {
      memory.#jobs.clear();
      for (const [id, job] of kept) memory.#jobs.set(id, job);
      await memory.file.rewrite(kept.flatMap(([id, job]) => memory.#linesOf(id, job)));
    }
    return memory;
  }

  /** What became of a job, if it ran here. */
  outcome(jobId: string): AgentOutcome | undefined {
    return this.#jobs.get(jobId)?.outcome;
  }

  /** Noted durably before the job's first byte goes out. */
  async started(jobId: string, ticketNumber: string): Promise<void> {
    await this.#write({ at: this.clock(), job: jobId, event: 'started', ticket: ticketNumber });
  }

  async done(jobId: string, result: { ok: boolean; status: ObservedStatus; sent: boolean }): Promise<void> {
    await this.#write({ at: this.clock(), job: jobId, event: 'done', ...result });
  }

  /** Outcomes the hub has not confirmed hearing, oldest first. */
  unreported(): AgentOutcome[] {
    return [...this.#jobs.values()].flatMap((j) => (j.outcome && !j.reported ? [j.outcome] : []));
  }

  async reported(jobIds: readonly string[]): Promise<void> {
    const lines: Line[] = jobIds.filter((id) => this.#jobs.get(id)?.reported === false).map((job) => ({ at: this.clock(), job, event: 'reported' }));
    if (lines.length === 0) return;
    await this.file.append(lines);
    for (const line of lines) this.#apply(line);
  }

  close(): Promise<void> {
    return this.file.close();
  }

  async #write(line: Line): Promise<void> {
    await this.file.append([line]);
    this.#apply(line);
  }

  #apply(line: Line): void {
    if (line.event === 'started') {
      this.#jobs.delete(line.job); // kept in order of their start
      this.#jobs.set(line.job, { at: line.at, ticket: line.ticket, reported: false });
      return;
    }
    const job = this.#jobs.get(line.job);
    if (!job) return;
    if (line.event === 'done') job.outcome = { jobId: line.job, ok: line.ok, status: line.status, sent: line.sent };
    else job.reported = true;
  }

  #linesOf(id: string, job: Job): Line[] {
    const lines: Line[] = [{ at: job.at, job: id, event: 'started', ticket: job.ticket }];
    if (job.outcome) lines.push({ at: job.at, job: id, event: 'done', ok: job.outcome.ok, status: job.outcome.status, sent: job.outcome.sent ?? true });
    if (job.reported) lines.push({ at: job.at, job: id, event: 'reported' });
    return lines;
  }
}
