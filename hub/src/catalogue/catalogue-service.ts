// The hall's catalogue of service items (事项) and life events (一件事) in catalogue.json: hall
// configuration, edited at the console and imported whole. Every change is checked against the hall's
// categories, written durably, then logged and announced; a refused change leaves the file as it was.
import type { AuditActor } from '@yichuang/shared/admin';
import { hallCatalogue, serviceItem } from '@yichuang/shared/catalogue-schemas';
import type { HallConfig } from '@yichuang/shared/domain';
import { appError, atField, type Ack, type AppError, type FieldIssue } from '@yichuang/shared/errors';
import type { HallCatalogue, ServiceItem } from '@yichuang/shared/kiosk';
import type { z } from 'zod';
import { badRequest } from '../http/parse.js';
import type { AuditWrite } from '../security/audit-write.js';
import { dataFolder } from '../storage/data-folder.js';
import { SmallStore } from '../storage/small-store.js';
import { readCatalogueFile, UnreadableFile, type RawCatalogue } from './catalogue-file.js';

const SCHEMA_VERSION = 1;
/** Issues named in an import's refusal at most (the form lists them; the rest are counted). */
const ISSUES_SHOWN = 50;

type Stored = HallCatalogue & { schemaVersion: number };

export interface CatalogueDeps {
  dataDir: string;
  config: () => HallConfig;
  /** What a hall without a catalogue file starts with: the demo hall its demo items, any other none. */
  seed: () => HallCatalogue;
  audit: AuditWrite;
  log: (line: string) => void;
  /** After every change, with the catalogue as it now is. */
  changed: (catalogue: HallCatalogue) => void;
}

export class CatalogueService {
  private constructor(
    private readonly store: SmallStore<Stored>,
    private readonly deps: CatalogueDeps,
  ) {}

  static async open(deps: CatalogueDeps): Promise<CatalogueService> {
    const store = await SmallStore.open<Stored>(dataFolder(deps.dataDir).catalogue, () => ({ schemaVersion: SCHEMA_VERSION, ...deps.seed() }), deps.log);
    return new CatalogueService(store, deps);
  }

  /** The catalogue as it is now (not to be mutated). */
  current(): HallCatalogue {
    return this.store.data;
  }

  /** Adds an item (`code` absent) or replaces the item of that code (its code may change). */
  async save(input: unknown, actor: AuditActor, code?: string): Promise<Ack<ServiceItem>> {
    const parsed = serviceItem.safeParse(input);
    if (!parsed.success) return { ok: false, error: badRequest(parsed.error) };
    const item = parsed.data;
    const { items, lifeEvents } = this.current();
    const before = code === undefined ? undefined : items.find((i) => i.code === code);
    if (code !== undefined && !before) return { ok: false, error: appError('UNKNOWN_ITEM', { itemId: code }) };
    const others = items.filter((i) => i !== before);
    if (others.some((i) => i.code === item.code)) return { ok: false, error: atField(appError('ITEM_CODE_TAKEN', { code: item.code }), 'code') };
    // The whole catalogue must stay valid with it (categories, life events, unique ids).
    const next = before ? items.map((i) => (i === before ? item : i)) : [...items, item];
    // Issues of this item, and a clash of its id with any other (reported at whichever comes later).
    const refusal = this.#check({ items: next, lifeEvents }, (path) => {
      const row = next[Number(path[1])];
      return row === item || (path[2] === 'id' && row?.id === item.id);
    });
    if (refusal) return { ok: false, error: refusal };
    await this.#write({ items: next, lifeEvents });
    await this.deps.audit({ actor, action: before ? 'catalogue.item.save' : 'catalogue.item.add', target: item.code, ...(before && { before }), after: item });
    return { ok: true, data: item };
  }

  async remove(code: string, actor: AuditActor): Promise<Ack<null>> {
    const { items, lifeEvents } = this.current();
    const before = items.find((i) => i.code === code);
    if (!before) return { ok: false, error: appError('UNKNOWN_ITEM', { itemId: code }) };
    await this.#write({ items: items.filter((i) => i !== before), lifeEvents });
    await this.deps.audit({ actor, action: 'catalogue.item.delete', target: code, before });
    return { ok: true, data: null };
  }

  /** Replaces the whole catalogue by a file's (XLSX or JSON), or changes nothing and says what is wrong where. */
  async import(bytes: Buffer, actor: AuditActor): Promise<Ack<HallCatalogue>> {
    let raw: RawCatalogue;
    try {
      raw = await readCatalogueFile(bytes);
    } catch (err) {
      if (!(err instanceof UnreadableFile)) throw err;
      return { ok: false, error: appError('CATALOGUE_FILE_UNREADABLE', { detail: err.message }) };
    }
    const parsed = this.#schema().safeParse(raw.data);
    if (!parsed.success) return { ok: false, error: importRefusal(parsed.error, raw) };
    const before = this.current();
    await this.#write(parsed.data);
    await this.deps.audit({
      actor,
      action: 'catalogue.import',
      target: 'catalogue',
      before: { items: before.items.length, lifeEvents: before.lifeEvents.length },
      after: { items: parsed.data.items.length, lifeEvents: parsed.data.lifeEvents.length, codes: parsed.data.items.map((i) => i.code) },
    });
    return { ok: true, data: parsed.data };
  }

  #schema() {
    return hallCatalogue(this.deps.config().categories.map((c) => c.id));
  }

  /** BAD_REQUEST for the catalogue's issues that `mine` selects (an edit answers for its own item only). */
  #check(catalogue: HallCatalogue, mine: (path: readonly PropertyKey[]) => boolean): AppError | undefined {
    const parsed = this.#schema().safeParse(catalogue);
    if (parsed.success) return undefined;
    const issues = parsed.error.issues.filter((i) => i.path[0] === 'items' && mine(i.path));
    if (issues.length === 0) return undefined;
    // A form shows them beside the item's own fields.
    return badRequest({ ...parsed.error, issues: issues.map((i) => ({ ...i, path: i.path.slice(2) })) } as z.ZodError);
  }

  async #write(catalogue: HallCatalogue): Promise<void> {
    await this.store.update((d) => {
      d.items = catalogue.items;
      d.lifeEvents = catalogue.lifeEvents;
    });
    this.deps.changed(this.current());
  }
}

/** CATALOGUE_INVALID: each issue where it is in the file (sheet, row and column, or JSON path), in both languages. */
function importRefusal(error: z.ZodError, raw: RawCatalogue): AppError {
  const fields: FieldIssue[] = error.issues.slice(0, ISSUES_SHOWN).map((i) => {
    const at = raw.locate(i.path);
    const [zh, en = zh] = i.message.split(' / ');
    return { path: i.path.join('.'), message: `${at.zh}：${zh}`, messageEn: `${at.en}: ${en}` };
  });
  const more = error.issues.length - fields.length;
  const detail = {
    zh: fields.map((f) => f.message).join('；') + (more > 0 ? `；另有 ${more} 处` : ''),
    en: fields.map((f) => f.messageEn).join('; ') + (more > 0 ? `; ${more} more` : ''),
  };
  return { ...appError('CATALOGUE_INVALID', { detail }), fields };
}
