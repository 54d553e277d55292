// What the district publishes to its halls — the holiday calendar and the 事项 catalogue — as this
// hall last took it. While linked, the forwarder asks for versions newer than the ones held (at each
// connection and heartbeat); each is checked, written to the data folder (atomic, fsynced) and only
// then used. The copy survives restarts and a link that is down: the hall keeps the last one it took.
// The holidays join the hall's own working-day calendar (the hall's own days keep its say); the
// catalogue is offered to whoever listens (the hall's catalogue store).
import type { DistrictCatalogue, DistrictHolidays, Published, PublishedKind } from '@yichuang/shared/district';
import { PUBLISHED_SCHEMAS } from '@yichuang/shared/district-schemas';
import type { HallConfig } from '@yichuang/shared/domain';
import { withCalendar } from '../engine/working-days.js';
import { dataFolder } from '../storage/data-folder.js';
import { DurableJSONFile } from '../storage/durable-json-file.js';
import type { DistrictLink } from './district-link.js';

interface TakenFile {
  schemaVersion: 1;
  holidays?: Published<'holidays'>;
  catalogue?: Published<'catalogue'>;
}

export class DistrictConfig {
  readonly #file: DurableJSONFile<TakenFile>;
  #taken: TakenFile = { schemaVersion: 1 };
  #catalogueListeners: Array<(catalogue: DistrictCatalogue) => void> = [];
  /** The last merged configuration, kept while neither the hall's configuration nor the holidays change. */
  #applied: { from: HallConfig; holidays: Published<'holidays'> | undefined; to: HallConfig } | undefined;

  private constructor(file: string) {
    this.#file = new DurableJSONFile(file);
  }

  /** The copy last taken; a file that cannot be read is logged and taken again at the next link. */
  static async open(dataDir: string, log: (line: string) => void): Promise<DistrictConfig> {
    const store = new DistrictConfig(dataFolder(dataDir).districtConfig);
    try {
      store.#taken = (await store.#file.read()) ?? store.#taken;
    } catch (err) {
      log(`district-config.json 无法读取，将在连接区级时重新领取 / district-config.json unreadable, taken again at the next link: ${String(err)}`);
    }
    return store;
  }

  get holidays(): DistrictHolidays | undefined {
    return this.#taken.holidays?.document;
  }

  get catalogue(): DistrictCatalogue | undefined {
    return this.#taken.catalogue?.document;
  }

  /** The catalogue held: its version and who published it (for the hall's audit log). */
  catalogueSource(): { version: number; by: string } {
    return { version: this.#taken.catalogue?.version ?? 0, by: this.#taken.catalogue?.publishedBy ?? '' };
  }

  /** The versions held, 0 for a kind never taken. */
  versions(): Record<PublishedKind, number> {
    return { holidays: this.#taken.holidays?.version ?? 0, catalogue: this.#taken.catalogue?.version ?? 0 };
  }

  /** Calls `listener` with the catalogue now (if one was taken) and with each newer one. */
  onCatalogue(listener: (catalogue: DistrictCatalogue) => void): void {
    this.#catalogueListeners.push(listener);
    if (this.catalogue) listener(this.catalogue);
  }

  /** The hall's configuration with the district's holidays in its calendar. */
  applyTo(config: HallConfig): HallConfig {
    const holidays = this.#taken.holidays;
    if (!holidays) return config;
    if (this.#applied?.from === config && this.#applied.holidays === holidays) return this.#applied.to;
    const schedule = { ...config.hall.schedule, ...withCalendar(config.hall.schedule, holidays.document) };
    const to = { ...config, hall: { ...config.hall, schedule } };
    this.#applied = { from: config, holidays, to };
    return to;
  }

  /** Takes what the district holds newer than the copy (checked; durable before used); answers what it took. */
  async take(link: Pick<DistrictLink, 'published'>, log: (line: string) => void): Promise<PublishedKind[]> {
    const rows = await link.published(this.versions());
    const next: TakenFile = { ...this.#taken };
    const took: PublishedKind[] = [];
    for (const row of rows) {
      const kind = row.kind as PublishedKind;
      const schema = PUBLISHED_SCHEMAS[kind] as (typeof PUBLISHED_SCHEMAS)[PublishedKind] | undefined;
      let parsed: ReturnType<NonNullable<typeof schema>['safeParse']> | undefined;
      try {
        parsed = schema?.safeParse(JSON.parse(row.document));
      } catch {
        parsed = undefined;
      }
      if (!parsed?.success) {
        log(`区级发布的${kind} 第 ${row.version} 版无效，未采用 / the district's ${kind} version ${row.version} is not valid; not taken`);
        continue;
      }
      const published = { kind, version: row.version, document: parsed.data, publishedAt: Number(row.published_at), publishedBy: row.published_by };
      if (kind === 'holidays') next.holidays = published as Published<'holidays'>;
      else next.catalogue = published as Published<'catalogue'>;
      took.push(kind);
    }
    if (took.length === 0) return took;
    await this.#file.write(next);
    this.#taken = next;
    for (const kind of took) log(`federation: 已领取区级${kind === 'holidays' ? '节假日日历' : '事项目录'}第 ${next[kind]!.version} 版 / took the district's ${kind} version ${next[kind]!.version}`);
    if (took.includes('catalogue')) for (const listener of this.#catalogueListeners) listener(next.catalogue!.document);
    return took;
  }
}
