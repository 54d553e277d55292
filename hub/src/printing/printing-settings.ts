// Reading and changing the printers and the slip layout (console and REST, managers only). Every
// change is written to printers.json before it is acknowledged, then applied to the running printers.
import type { AuditActor, AuditEntry } from '@yichuang/shared/admin';
import type { HallConfig } from '@yichuang/shared/domain';
import { appError, type Ack } from '@yichuang/shared/errors';
import type { PrinterConfig, PrintingSettings, PrintingSettingsView, TicketLayout } from '@yichuang/shared/printing';
import type { PrintingFile } from '@yichuang/shared/printing-schemas';
import type { AuditLog } from '../security/audit-log.js';
import { writeAudit } from '../security/audit-write.js';
import { defaultPrinting, PrintingStore } from './printing-store.js';
import type { PrinterFleet } from './printer-fleet.js';
import { unprintable } from './slip-text.js';

export interface SettingsDeps {
  dataDir: string;
  config: () => HallConfig;
  fleet: PrinterFleet;
  audit: AuditLog;
  log: (line: string) => void;
}

export class PrintingSettingsService {
  #store: PrintingStore | undefined;
  /** Settled once printers.json has been read (or found unreadable) and the printers started. */
  readonly ready: Promise<void>;

  constructor(private readonly deps: SettingsDeps) {
    this.ready = PrintingStore.open(deps.dataDir).then(
      async (store) => {
        this.#store = store;
        await deps.fleet.reconcile(store.settings.printers);
      },
      (err: unknown) => {
        // The hall keeps issuing numbers (as e-tickets); the file is left for a manager to fix.
        deps.log(`打印机配置无法读取，暂按无打印机运行 / printers unavailable: ${(err as Error).message}`);
      },
    );
  }

  settings(): PrintingSettings {
    if (this.#store) return this.#store.settings;
    const { layout, printers } = defaultPrinting();
    return { layout, printers };
  }

  /** The settings with the kiosks a printer can serve, and what of the layout would print as '?'. */
  view(): PrintingSettingsView {
    const kiosks = this.deps.config().devices.filter((d) => d.role === 'kiosk').map(({ id, name }) => ({ id, name }));
    const settings = this.settings();
    const layoutWarnings = (['header', 'footer'] as const).flatMap((field) => {
      const chars = unprintable(settings.layout[field]);
      return chars.length ? [{ field, chars }] : [];
    });
    return { ...settings, kiosks, layoutWarnings };
  }

  savePrinter(printer: PrinterConfig, actor: AuditActor): Promise<Ack<PrintingSettingsView>> {
    const devices = this.deps.config().devices;
    if (!devices.some((d) => d.id === printer.kioskId && d.role === 'kiosk')) {
      return Promise.resolve({ ok: false, error: appError('UNKNOWN_KIOSK', { kioskId: printer.kioskId }) });
    }
    const other = this.settings().printers.find((p) => p.kioskId === printer.kioskId && p.id !== printer.id);
    if (other) return Promise.resolve({ ok: false, error: appError('KIOSK_HAS_PRINTER', { kioskId: printer.kioskId, printerId: other.id }) });
    const before = this.settings().printers.find((p) => p.id === printer.id);
    return this.#change(
      (draft) => {
        const i = draft.printers.findIndex((p) => p.id === printer.id);
        if (i >= 0) draft.printers[i] = printer;
        else draft.printers.push(printer);
      },
      { actor, action: before ? 'printer.save' : 'printer.add', target: printer.id, before, after: printer },
    );
  }

  removePrinter(printerId: string, actor: AuditActor): Promise<Ack<PrintingSettingsView>> {
    if (!this.settings().printers.some((p) => p.id === printerId)) {
      return Promise.resolve({ ok: false, error: appError('UNKNOWN_PRINTER', { printerId }) });
    }
    const before = this.settings().printers.find((p) => p.id === printerId);
    return this.#change(
      (draft) => {
        draft.printers = draft.printers.filter((p) => p.id !== printerId);
      },
      { actor, action: 'printer.remove', target: printerId, before },
    );
  }

  saveLayout(layout: TicketLayout, actor: AuditActor): Promise<Ack<PrintingSettingsView>> {
    const before = this.settings().layout;
    return this.#change(
      (draft) => {
        draft.layout = layout;
      },
      { actor, action: 'printer.layout', target: 'layout', before, after: layout },
    );
  }

  /** Writes the change, then its audit entry (a failed audit write is logged, not turned into a failure: writeAudit). */
  async #change(mutator: (draft: PrintingFile) => void, audit: Omit<AuditEntry, 'at'>): Promise<Ack<PrintingSettingsView>> {
    await this.ready;
    const store = this.#store;
    if (!store) return { ok: false, error: appError('PRINTING_CONFIG_UNREADABLE') };
    let settings: PrintingSettings;
    try {
      settings = await store.update(mutator);
    } catch (err) {
      this.deps.log(`printers.json write failed: ${(err as Error).message}`);
      return { ok: false, error: appError('STORAGE_FAILED') };
    }
    await writeAudit(this.deps.audit, this.deps.log, audit);
    await this.deps.fleet.reconcile(settings.printers);
    return { ok: true, data: this.view() };
  }
}
