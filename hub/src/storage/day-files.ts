// A folder of append-only day files, <dir>/YYYY-MM-DD.jsonl, by the hall's service day: a record
// goes to the file of the day it happened on. Used for kiosk presence, help requests and command answers.
import path from 'node:path';
import type { ServiceDay } from '@yichuang/shared/domain';
import { serviceDay } from '@yichuang/shared/time';
import { listFolder, removeFile } from './files.js';
import { JsonlFile, readJsonl } from './jsonl-file.js';

export interface Dated {
  at: number;
}

export class DayFiles<R extends Dated> {
  #current: { day: ServiceDay; file: JsonlFile } | undefined;
  /** Appends run in call order, across day changes too. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly dir: string,
    private readonly timeZone: () => string,
  ) {}

  dayOf(at: number): ServiceDay {
    return serviceDay(at, this.timeZone());
  }

  /** Appends records to a day's file (by default the first record's day), durably, after every earlier append. */
  append(records: readonly R[], day?: ServiceDay): Promise<void> {
    const run = this.#queue.then(() => this.#append(records, day));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #append(records: readonly R[], given: ServiceDay | undefined): Promise<void> {
    const first = records[0];
    if (!first) return;
    const day = given ?? this.dayOf(first.at);
    if (this.#current?.day !== day) {
      await this.#current?.file.close();
      this.#current = { day, file: new JsonlFile(this.#path(day)) };
    }
    await this.#current.file.append(records);
  }

  read(day: ServiceDay): Promise<R[]> {
    return readJsonl<R>(this.#path(day));
  }

  /** The days that have a file, oldest first. */
  days(): Promise<ServiceDay[]> {
    return listDays(this.dir, '.jsonl');
  }

  /** Removes a past day's file: never the day being appended to. */
  remove(day: ServiceDay): Promise<void> {
    return removeFile(this.#path(day));
  }

  async close(): Promise<void> {
    await this.#queue;
    await this.#current?.file.close();
    this.#current = undefined;
  }

  #path(day: ServiceDay): string {
    return path.join(this.dir, `${day}.jsonl`);
  }
}

/** The days of the `<YYYY-MM-DD><ext>` files in a folder, oldest first; [] when there is no folder yet. */
export async function listDays(dir: string, ext: '.json' | '.jsonl'): Promise<ServiceDay[]> {
  const days = (await listFolder(dir)).filter((name) => name.endsWith(ext)).map((name) => name.slice(0, -ext.length));
  return days.filter((day) => DAY.test(day)).sort();
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
