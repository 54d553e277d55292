// A demo hub on port 0 with printers configured in its printers.json before it starts, as a hall
// would have them (the demo hall's devices include a print agent for each kiosk).
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PrinterConfig, PrinterState, PrinterStatus } from '@yichuang/shared/printing';
import type { PrintingFile } from '@yichuang/shared/printing-schemas';
import { demoHall } from '../../../hub/src/demo/demo-hall.js';
import type { JournalRecord } from '../../../hub/src/storage/journal.js';
import { defaultPrinting } from '../../../hub/src/printing/printing-store.js';
import { startTestHub, tempDir, type Client, type TestHub } from '../../helpers/test-hub.js';

export const PUBLIC_URL = 'http://hall.example:8080';

export function printer(id: string, kioskId: string, connection: PrinterConfig['connection']): PrinterConfig {
  return { id, name: `${kioskId} 打印机`, kioskId, connection, enabled: true, statusQueries: true };
}

export async function startPrintingHub(printers: PrinterConfig[]): Promise<TestHub> {
  const dataDir = await tempDir('yichuang-print-');
  const config = await demoHall();
  await writeFile(path.join(dataDir, 'config.json'), JSON.stringify(config));
  const file: PrintingFile = { ...defaultPrinting(), printers };
  file.layout.publicUrl = PUBLIC_URL;
  await writeFile(path.join(dataDir, 'printers.json'), JSON.stringify(file));
  const t = await startTestHub({ dataDir });
  return {
    ...t,
    async close() {
      await t.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Resolves with the printer's state once it has this status (asks now, then follows its broadcasts). */
export async function printerIs(client: Client, printerId: string, status: PrinterStatus, timeoutMs = 5000): Promise<PrinterState> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off('printer:changed', check);
      reject(new Error(`printer ${printerId} not ${status} within ${timeoutMs} ms`));
    }, timeoutMs);
    const check = (s: PrinterState): void => {
      if (s.printerId !== printerId || s.status !== status) return;
      clearTimeout(timer);
      client.off('printer:changed', check);
      resolve(s);
    };
    client.on('printer:changed', check);
    void client.emitWithAck('printer:status', {}).then((ack) => {
      if (ack.ok) for (const s of ack.data) check(s);
    });
  });
}

/** Today's journal, as written to disk. */
export async function journal(t: TestHub): Promise<JournalRecord[]> {
  const text = await readFile(path.join(t.dataDir, 'journal', '2026-11-23.jsonl'), 'utf8');
  return text.trim().split('\n').map((line) => JSON.parse(line) as JournalRecord);
}

export async function printRecords(t: TestHub, number: string) {
  return (await journal(t)).flatMap((r) => (r.event.type === 'ticket.printed' && r.event.ticketId.endsWith(`/${number}`) ? [r.event] : []));
}
