// The catalogue page's state: the catalogue as the hub keeps it, and the answer to the last change
// (its field problems go beside the form's fields through FieldErrors).
import type { ServiceItemInput } from '@yichuang/shared/catalogue-schemas';
import { t } from '@yichuang/shared/console-i18n';
import type { AppError } from '@yichuang/shared/errors';
import type { HallCatalogue } from '@yichuang/shared/kiosk';
import { rest } from '@yichuang/shared/rest';
import { FieldErrors } from '../admin-common/field-errors.svelte';

/** What was done last, for the line above the table. */
export type Done = { key: 'catalogue.saved' } | { key: 'catalogue.deleted'; code: string } | { key: 'catalogue.imported'; items: number; events: number };

const UNREACHABLE: AppError = { code: 'INTERNAL', message: t('pair.unreachable', 'zh'), messageEn: t('pair.unreachable', 'en') };

export class CatalogueState {
  catalogue = $state.raw<HallCatalogue | null>(null);
  error = $state.raw<AppError | null>(null);
  done = $state.raw<Done | null>(null);
  busy = $state(false);
  readonly fields = new FieldErrors(() => this.error);

  async load(): Promise<void> {
    const ack = await rest('get', '/catalogue').catch(() => undefined);
    if (!ack) this.error = UNREACHABLE;
    else if (ack.ok) this.catalogue = ack.data;
    else this.error = ack.error;
  }

  /** `code`: the item's code before the edit; absent for a new item. True when saved. */
  save(item: ServiceItemInput, code?: string): Promise<boolean> {
    return this.#run(() => (code === undefined ? rest('post', '/catalogue/items', { body: item }) : rest('put', '/catalogue/items/:code', { params: { code }, body: item })), () => ({ key: 'catalogue.saved' }));
  }

  remove(code: string): Promise<boolean> {
    return this.#run(() => rest('delete', '/catalogue/items/:code', { params: { code } }), () => ({ key: 'catalogue.deleted', code }));
  }

  /** The file goes as bytes: the hub tells XLSX from JSON itself. */
  import(file: File): Promise<boolean> {
    const body = new Blob([file], { type: 'application/octet-stream' });
    return this.#run(
      () => rest('post', '/catalogue/import', { body }),
      (data) => {
        const c = data as HallCatalogue;
        return { key: 'catalogue.imported', items: c.items.length, events: c.lifeEvents.length };
      },
    );
  }

  async #run<T>(call: () => Promise<{ ok: true; data: T } | { ok: false; error: AppError }>, done: (data: T) => Done): Promise<boolean> {
    this.busy = true;
    this.error = null;
    this.done = null;
    try {
      const ack = await call().catch(() => undefined);
      if (!ack) {
        this.error = UNREACHABLE;
        return false;
      }
      if (!ack.ok) {
        this.error = ack.error;
        return false;
      }
      this.done = done(ack.data);
      await this.load();
      return true;
    } finally {
      this.busy = false;
    }
  }
}
