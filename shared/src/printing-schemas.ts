// zod schemas of the printing domain: its command payloads and its configuration file (printers.json).
import { z } from 'zod';
import { PAPER_WIDTHS, PRINTER_STATUSES } from './lists.js';
import { cmdId, id, ticketNumber } from './schemas.js';

/** Printable ASCII only: it goes into the QR code, which carries ASCII data. */
const publicUrl = z
  .string()
  .trim()
  .max(200)
  .refine((v) => v === '' || (/^https?:\/\/[\x21-\x7e]+$/.test(v) && URL.canParse(v)), '以 http 或 https 开头、只含英文字符的地址 / http(s) address in ASCII, e.g. http://192.168.1.10:8080')
  .transform((v) => v.replace(/\/+$/, ''));

/** A line of slip text: no control characters (they would be printer commands). */
const slipText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((v) => !Array.from(v).some((ch) => ch < ' ' || ch === '\u007f'), '不能含控制字符 / no control characters');

export const ticketLayout = z.object({
  /** First line; empty = the hall's name. */
  header: slipText(60),
  footer: slipText(120),
  qr: z.boolean(),
  paperWidth: z.union(PAPER_WIDTHS.map((w) => z.literal(w))),
  /** Address phones open from the QR code, e.g. http://192.168.1.10:8080; empty = the hub's own LAN address. */
  publicUrl,
});

export const printerConnection = z.discriminatedUnion('kind', [
  // A serial (USB-serial) printer on the hub's own machine.
  z.object({
    kind: z.literal('serial'),
    path: z.string().trim().min(1).max(200).regex(/^[\w./:\\-]+$/, '串口设备路径，如 COM3 或 ttyUSB0 / a device path such as /dev/ttyUSB0 or COM3'),
    baudRate: z.int().min(1200).max(921_600),
  }),
  // A network printer or serial device server (port 9100).
  z.object({
    kind: z.literal('tcp'),
    host: z.string().trim().min(1).max(253).regex(/^[\w.:-]+$/, '主机名或 IP 地址 / a host name or IP address'),
    port: z.int().min(1).max(65_535),
  }),
  // A serial printer on the kiosk PC, driven by the print agent whose device names this kiosk.
  z.object({ kind: z.literal('agent') }),
]);

export const printerConfig = z.object({
  id,
  name: z.string().trim().min(1).max(60),
  /** The kiosk device whose tickets it prints; one printer per kiosk. */
  kioskId: id,
  connection: printerConnection,
  enabled: z.boolean(),
  /** Ask the printer for its status (DLE EOT); off for printers that never answer. */
  statusQueries: z.boolean(),
});

export const PRINTING_SCHEMA_VERSION = 1;

/** <dataDir>/printers.json */
export const printingFile = z.object({
  schemaVersion: z.literal(PRINTING_SCHEMA_VERSION),
  layout: ticketLayout,
  printers: z.array(printerConfig).max(500),
});

export const printingQuery = z.object({});
export const reprintTicket = z.object({ cmdId, number: ticketNumber, printerId: id.optional() });
export const savePrinter = z.object({ cmdId, printer: printerConfig });
export const removePrinter = z.object({ cmdId, printerId: id });
export const saveLayout = z.object({ cmdId, layout: ticketLayout });
const observedStatus = z.enum(PRINTER_STATUSES).exclude(['unknown']);
export const agentState = z.object({ status: observedStatus, port: z.string().trim().max(200), baudRate: z.int().min(1200).max(921_600).optional() });
/** A print job's id: `<ticket id>#slip` or `<ticket id>#r-<hash>` (hub/src/printing/slip-service.ts). */
const jobId = z.string().min(1).max(100).regex(/^[\w./:#-]+$/);
export const agentOutcome = z.object({ jobId, ok: z.boolean(), status: observedStatus, sent: z.boolean().optional() });
export const agentSettle = z.object({ outcomes: z.array(agentOutcome).max(200) });

export type PrintingFile = z.output<typeof printingFile>;
export type PrintingQueryInput = z.input<typeof printingQuery>;
export type ReprintTicketInput = z.input<typeof reprintTicket>;
export type SavePrinterInput = z.input<typeof savePrinter>;
export type RemovePrinterInput = z.input<typeof removePrinter>;
export type SaveLayoutInput = z.input<typeof saveLayout>;
export type AgentStateInput = z.input<typeof agentState>;
export type AgentSettleInput = z.input<typeof agentSettle>;
