// The print jobs the hub began sending (design.md §6), by job id: each is on disk
// (<dataDir>/print-jobs/<day>.jsonl) before the first byte goes to a printer or an agent. A hub
// restarted mid-slip so knows that slip may have come out, and a kiosk's retry does not print it
// again. Slips are of today's tickets and retries come within minutes: today's and yesterday's
// files are kept.
import { addDays } from '@yichuang/shared/time';
import { dataFolder } from './data-folder.js';
import { DayFiles } from './day-files.js';

export interface StartedJob {
  at: number;
  jobId: string;
  printerId: string;
}

export class PrintJobLog {
  readonly #started = new Map<string, StartedJob>();

  private constructor(
    private readonly files: DayFiles<StartedJob>,
    private readonly clock: () => number,
  ) {}

  static async open(dataDir: string, clock: () => number, timeZone: () => string): Promise<PrintJobLog> {
    const files = new DayFiles<StartedJob>(dataFolder(dataDir).printJobs, timeZone);
    const jobs = new PrintJobLog(files, clock);
    const today = files.dayOf(clock());
    const kept = [addDays(today, -1), today];
    for (const day of (await files.days()).filter((d) => !kept.includes(d))) await files.remove(day);
    for (const day of kept) for (const job of await files.read(day)) jobs.#started.set(job.jobId, job);
    return jobs;
  }

  /** The job, if the hub began sending it (today or yesterday). */
  started(jobId: string): StartedJob | undefined {
    return this.#started.get(jobId);
  }

  /** Notes the job durably; resolves once it is on disk. */
  async start(jobId: string, printerId: string): Promise<void> {
    const job = { at: this.clock(), jobId, printerId };
    await this.files.append([job]);
    this.#started.set(jobId, job);
  }

  close(): Promise<void> {
    return this.files.close();
  }
}
