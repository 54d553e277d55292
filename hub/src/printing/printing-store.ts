// Printers and the slip layout in their own small lowdb file, <dataDir>/printers.json, kept apart
// from config.json so a printer change never rewrites the hall's configuration. Same durable adapter.
import { Low } from 'lowdb';
import { t } from '@yichuang/shared/console-i18n';
import type { PrintingSettings } from '@yichuang/shared/printing';
import { PRINTING_SCHEMA_VERSION, printingFile, type PrintingFile } from '@yichuang/shared/printing-schemas';
import { dataFolder } from '../storage/data-folder.js';
import { DurableJSONFile } from '../storage/durable-json-file.js';
import { issuesDetail } from '../http/parse.js';

/** A hall starts without printers: every kiosk gives e-tickets until one is configured. */
export function defaultPrinting(): PrintingFile {
  return {
    schemaVersion: PRINTING_SCHEMA_VERSION,
    layout: { header: '', footer: t('slip.footer', 'zh'), qr: true, paperWidth: 80, publicUrl: '' },
    printers: [],
  };
}

export class PrintingStore {
  readonly #db: Low<PrintingFile>;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(db: Low<PrintingFile>) {
    this.#db = db;
  }

  /** Seeds a missing file; refuses (throws, leaving the file alone) one that is unreadable, newer or invalid. */
  static async open(dataDir: string, seed: () => PrintingFile = defaultPrinting): Promise<PrintingStore> {
    const file = dataFolder(dataDir).printers;
    const adapter = new DurableJSONFile<unknown>(file);
    let stored: unknown;
    try {
      stored = await adapter.read();
    } catch (err) {
      throw new Error(`${file} 不是有效的 JSON / is not valid JSON: ${(err as Error).message}`, { cause: err });
    }
    const version = (stored as { schemaVersion?: unknown } | null)?.schemaVersion;
    if (typeof version === 'number' && version > PRINTING_SCHEMA_VERSION) {
      throw new Error(`${file} 的数据版本 v${version} 高于本程序支持的 v${PRINTING_SCHEMA_VERSION} / has schema v${version}, newer than this hub supports`);
    }
    const parsed = stored === null ? { success: true as const, data: seed() } : printingFile.safeParse(stored);
    if (!parsed.success) {
      const detail = issuesDetail(parsed.error, '');
      throw new Error(`${file} 内容有误：${detail.zh} / is invalid: ${detail.en}`);
    }
    const db = new Low<PrintingFile>(adapter as DurableJSONFile<PrintingFile>, parsed.data);
    if (stored === null) await db.write();
    return new PrintingStore(db);
  }

  get settings(): PrintingSettings {
    const { layout, printers } = this.#db.data;
    return { layout, printers };
  }

  /** Writes the changed copy durably, then swaps it in; a change that breaks the schema is refused. */
  update(mutator: (draft: PrintingFile) => void): Promise<PrintingSettings> {
    const run = this.#queue.then(async () => {
      const draft = structuredClone(this.#db.data);
      mutator(draft);
      const checked = printingFile.parse(draft);
      await this.#db.adapter.write(checked);
      this.#db.data = checked;
      return this.settings;
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }
}
