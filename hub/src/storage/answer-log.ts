// Answers to the commands the engine does not journal (configuration, devices, printer settings,
// reprints, help requests, suggestions), by device and client command id: a command retried — even
// after a restart — gets its first answer instead of acting twice, and an id used again for another
// command is refused. An answer is on disk (<dataDir>/answers/<day>.jsonl) before it goes out;
// clients retry within minutes, so only today's and yesterday's files are kept.
import { appError, type Ack } from '@yichuang/shared/errors';
import { addDays } from '@yichuang/shared/time';
import { dataFolder } from './data-folder.js';
import { DayFiles } from './day-files.js';

/** Answers kept in memory at most; the oldest go first. */
const MAX_ANSWERS = 10_000;

interface Answer {
  at: number;
  key: string;
  command: string;
  ack: Ack<unknown>;
}

export class AnswerLog {
  readonly #answers = new Map<string, { command: string; answer: Promise<Ack<unknown>> }>();

  private constructor(
    private readonly files: DayFiles<Answer>,
    private readonly clock: () => number,
    private readonly log: (line: string) => void,
  ) {}

  static async open(dataDir: string, clock: () => number, timeZone: () => string, log: (line: string) => void): Promise<AnswerLog> {
    const files = new DayFiles<Answer>(dataFolder(dataDir).answers, timeZone);
    const answers = new AnswerLog(files, clock, log);
    const today = files.dayOf(clock());
    const kept = [addDays(today, -1), today];
    for (const day of (await files.days()).filter((d) => !kept.includes(d))) await files.remove(day);
    for (const day of kept) {
      for (const a of await files.read(day)) answers.#keep(a.key, a.command, Promise.resolve(a.ack));
    }
    return answers;
  }

  /**
   * Runs `work` once per key (`<device>:<cmdId>`): a retry gets the first answer, concurrent ones
   * share it. Only a successful answer is kept: a refused command changed nothing, so trying it
   * again is safe.
   */
  run<T>(key: string, command: string, work: () => Promise<Ack<T>>): Promise<Ack<T>> {
    const earlier = this.#answers.get(key);
    if (earlier) {
      if (earlier.command === command) return earlier.answer as Promise<Ack<T>>;
      return Promise.resolve({ ok: false, error: appError('CMD_ID_REUSED', { command: earlier.command }) });
    }
    const answer = work().then(
      async (ack) => {
        if (!ack.ok) this.#answers.delete(key);
        else await this.#write({ at: this.clock(), key, command, ack });
        return ack;
      },
      (err: unknown) => {
        this.#answers.delete(key);
        throw err;
      },
    );
    this.#keep(key, command, answer);
    return answer;
  }

  close(): Promise<void> {
    return this.files.close();
  }

  #keep(key: string, command: string, answer: Promise<Ack<unknown>>): void {
    this.#answers.set(key, { command, answer });
    if (this.#answers.size > MAX_ANSWERS) this.#answers.delete(this.#answers.keys().next().value!);
  }

  /** The command is done whatever happens here: an answer not written costs only a repeat if it is retried after a restart. */
  async #write(answer: Answer): Promise<void> {
    try {
      await this.files.append([answer]);
    } catch (err) {
      this.log(`answer to ${answer.command} (${answer.key}) not kept: ${String(err)}`);
    }
  }
}
