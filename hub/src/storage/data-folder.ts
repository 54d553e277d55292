// The data folder's layout (README, "Storage"), named here and nowhere else: every part of the hub
// and every tool gets its paths from dataFolder(), so a file cannot be looked for under two names.
// The names are the on-disk format that backups and restores carry: they never change. A hub does
// not start on a folder it cannot write (refuseUnwritable).
import path from 'node:path';
import { ensureFolder, listSubfolders, probeWritable } from './files.js';
import { StorageError, writeFailure } from './storage-error.js';

/** The data folder when neither --data nor YICHUANG_DATA names one (relative to the working folder). */
export const DEFAULT_DATA_DIR = 'data';

const NAMES = {
  /** The hall's configuration (lowdb, with a schema version). */
  config: 'config.json',
  /** Copies of config.json taken before a migration. */
  backups: 'backups',
  /** Every engine event, one JSONL file per service day. */
  journal: 'journal',
  /** Journal lines that were not records, set aside by `npm run journal:check -- --repair`. */
  journalDamaged: 'journal-damaged',
  /** Answers to commands outside the engine, by device and command id, a file per day. */
  answers: 'answers',
  /** The audit log, a JSONL file per month (0600 in a 0700 folder). */
  audit: 'audit',
  /** The consoles' sessions (token hashes). */
  sessions: 'sessions.json',
  /** The hall's secret key (32 bytes, 0600). */
  secretKey: 'secret.key',
  /** Staff photos for the staff cards. */
  photos: 'photos',
  /** Kiosk presence records, a JSONL file per day. */
  presence: 'presence',
  /** Kiosk help requests, a JSONL file per day. */
  help: 'help',
  /** The suggestion box (意见箱). */
  suggestions: 'suggestions.jsonl',
  /** Day roll-ups for reports, a JSON file per day. */
  rollups: 'rollups',
  /** Booking rules per category. */
  appointments: 'appointments.json',
  /** The hall's catalogue of service items (事项) and life events (一件事). */
  catalogue: 'catalogue.json',
  /** The key sealing bookings' phone numbers (0600). */
  appointmentsKey: 'appointments.key',
  /** Printers per kiosk and the slip layout. */
  printers: 'printers.json',
  /** The print jobs the hub began sending to a printer or an agent, a JSONL file per day. */
  printJobs: 'print-jobs',
  /** Board settings. */
  boards: 'boards.json',
  /** The live board's alerts. */
  alerts: 'alerts.json',
  /** What the district last published to this hall (holidays, 事项 catalogue), kept while the link is down. */
  districtConfig: 'district-config.json',
  /** Notices on window-top displays, showing and recently ended. */
  notices: 'notices.json',
  /** Records for the provincial 好差评 platform and what became of them (JSONL). */
  provinceOutbox: 'province-outbox.jsonl',
  /** How far the personal-data retention job got. */
  retention: 'retention.json',
  /** A print agent's device token (0600), in the data folder of the kiosk PC it runs on. */
  agentToken: 'agent-token',
  /** A print agent's print jobs and what became of them, in the data folder of its kiosk PC. */
  agentJobs: 'agent-jobs.jsonl',
} as const;

export type DataFolder = { readonly root: string } & { readonly [K in keyof typeof NAMES]: string };

/** The paths in the data folder at `root`. */
export function dataFolder(root: string): DataFolder {
  const paths = Object.fromEntries(Object.entries(NAMES).map(([key, name]) => [key, path.join(root, name)]));
  return { root, ...paths } as DataFolder;
}

/**
 * Refuses to start on a data folder the hub cannot write (mounted read-only, full, owned by another
 * user): the folder and each of its own folders (not others', such as a mount's lost+found) take a
 * probe write, and the error says where and why in both languages. Without it the hub would run
 * until its first write, then answer or die.
 */
export async function refuseUnwritable(root: string): Promise<void> {
  const named = new Set<string>(Object.values(dataFolder(root)));
  try {
    await ensureFolder(root);
    const folders = (await listSubfolders(root)).filter((dir) => named.has(dir));
    for (const dir of [root, ...folders]) await probeWritable(dir);
  } catch (err) {
    const where = err instanceof StorageError ? err.file : root;
    const reason = err instanceof StorageError ? err.reason : writeFailure(err);
    throw new Error(
      `数据目录 ${where} 无法写入（${reason.zh}），程序拒绝启动。请检查磁盘空间、是否以只读方式挂载，以及目录的所有者和权限。` +
        ` / cannot write to the data folder ${where} (${reason.en}); refusing to start. Check the free space, whether it is mounted read-only, and the folder's owner and permissions.`,
      { cause: err },
    );
  }
}
