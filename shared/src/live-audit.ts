// The operation log (操作日志) in words: each audit entry's kind, what was done to what, and what
// changed, before → after, under the labels the person saw on the form (the pages' own strings).
// Pure: the console renders it; the hub writes entries as they are (security/audit-log.ts).
import type { AuditEntry } from './admin.js';
import { CONSOLE_CATALOGUE, named, t, type Lang, type StringKey } from './console-i18n.js';
import { formatLocal } from './time.js';

/** Kinds the log is filtered by; an action's kind is the part of its name before the dot. */
export const AUDIT_KINDS = ['config', 'staff', 'device', 'session', 'personal', 'printer', 'tidal', 'alert', 'board', 'case', 'ticket', 'suggestion', 'notice', 'other'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

const KIND_OF: Record<string, AuditKind> = {
  hall: 'config',
  category: 'config',
  window: 'config',
  rules: 'config',
  evaluation: 'config',
  retention: 'config',
  staff: 'staff',
  device: 'device',
  session: 'session',
  personal: 'personal',
  printer: 'printer',
  tidal: 'tidal',
  alert: 'alert',
  live: 'board',
  board: 'board',
  case: 'case',
  ticket: 'ticket',
  suggestion: 'suggestion',
  notice: 'notice',
};

export const auditKind = (action: string): AuditKind => KIND_OF[action.slice(0, action.indexOf('.'))] ?? 'other';

/** What the log needs to name categories and windows as the pages do. */
export interface AuditNames {
  categories: readonly { id: string; prefix: string; name: string; nameEn: string }[];
  windows: readonly { id: string; number: number; name: string; nameEn: string }[];
  /** The hall's: times (a notice's end, when a suggestion was left) read in it. */
  timeZone: string;
}

export interface AuditChange {
  field: string;
  before?: string;
  after?: string;
}

export interface AuditView {
  kind: AuditKind;
  /** The action in words ('潮汐窗口切换'), or its code when the log does not know it. */
  action: string;
  target: string;
  changes: AuditChange[];
}

/** The form label of each field (a field not listed shows its name). */
const FIELDS: Record<string, StringKey> = {
  name: 'admin.name',
  nameEn: 'admin.nameEn',
  department: 'admin.department',
  address: 'admin.hall.address',
  prefix: 'admin.categories.prefix',
  allowWalkIn: 'admin.categories.walkIn',
  allowAppointment: 'admin.categories.appointment',
  allowPriority: 'admin.categories.priority',
  dailyCap: 'admin.categories.dailyCap',
  slotQuota: 'admin.categories.slotQuota',
  minutes: 'admin.categories.slotMinutes',
  max: 'admin.categories.slotMax',
  hours: 'admin.hall.hours',
  appointmentHours: 'admin.categories.appointmentHours',
  holidays: 'admin.hall.holidays',
  makeupWorkdays: 'admin.hall.makeup',
  number: 'admin.windows.number',
  kind: 'admin.windows.kind',
  categories: 'admin.windows.serves',
  zone: 'admin.hall.zone',
  title: 'admin.staff.jobTitle',
  badge: 'admin.staff.badge',
  roles: 'admin.staff.roles',
  photo: 'admin.staff.photo',
  priorityBurst: 'admin.rules.priorityBurst',
  recallCap: 'admin.rules.recallCap',
  noShowRequeuePlaces: 'admin.rules.requeue',
  appointmentEarlyMinutes: 'admin.rules.early',
  badReasons: 'admin.evaluation.reasons',
  padTimeoutSeconds: 'admin.evaluation.timeout',
  verifyDays: 'admin.evaluation.verify',
  rectifyDays: 'admin.evaluation.rectify',
  followUpDays: 'admin.evaluation.followUp',
  platform: 'platform.title',
  profile: 'platform.profile',
  regionCode: 'platform.region',
  channelCodes: 'platform.channels',
  pad: 'platform.channel.pad',
  kiosk: 'platform.channel.kiosk',
  phone: 'platform.channel.phone',
  endpoint: 'platform.endpoint',
  personalDataDays: 'admin.retention.days',
  role: 'devices.roleLabel',
  kioskId: 'printers.kiosk',
  connection: 'printers.connection',
  path: 'printers.path',
  baudRate: 'printers.baud',
  host: 'printers.host',
  port: 'printers.port',
  enabled: 'printers.enabled',
  statusQueries: 'printers.statusQueries',
  header: 'printers.header',
  footer: 'printers.footer',
  qr: 'printers.qr',
  paperWidth: 'printers.paperWidth',
  publicUrl: 'printers.publicUrl',
  notice: 'live.notice',
  template: 'live.voiceTemplate',
  repeat: 'live.repeat',
  waitAlertMin: 'live.waitAlertMin',
  pausedAlertMin: 'live.pausedAlertMin',
  tidalWaitMin: 'live.tidalWaitMin',
  offlineAlertSec: 'live.offlineAlertSec',
  voice: 'live.boardVoice',
  zones: 'live.boardZones',
  windowId: 'live.window',
  message: 'audit.field.message',
  messages: 'audit.field.message',
  reached: 'audit.field.reached',
  handler: 'cases.handler',
  verdict: 'audit.field.verdict',
  result: 'audit.field.result',
  notes: 'audit.field.notes',
  measures: 'cases.measures',
  note: 'audit.field.note',
  printer: 'audit.field.printer',
  printed: 'audit.field.printed',
  submittedAt: 'audit.field.submittedAt',
  postedAt: 'audit.field.postedAt',
  postedBy: 'audit.field.postedBy',
  endsAt: 'audit.field.endsAt',
  withdrawnAt: 'audit.field.withdrawnAt',
  withdrawnBy: 'audit.field.withdrawnBy',
};

/** Labels a kind of entry gives a field otherwise labelled (staff numbers are 工号, a tidal window serves 业务). */
const KIND_FIELDS: Partial<Record<AuditKind, Record<string, StringKey>>> = {
  staff: { number: 'admin.staff.number' },
  tidal: { categories: 'audit.field.serves' },
  board: { categories: 'live.boardCategories' },
  case: { number: 'audit.field.ticket' },
  ticket: { number: 'audit.field.ticket' },
  suggestion: { kind: 'suggestions.kind', topics: 'audit.field.topics', text: 'audit.field.text', handler: 'suggestions.handler', note: 'suggestions.note' },
  notice: { windowId: 'notices.window', text: 'notices.col.text' },
};

/** Values that are codes, read through the catalogue under these prefixes (an unknown code shows as it is). */
const CODES: Record<string, string> = { verdict: 'verdict.', result: 'followUp.', reached: 'audit.reached.', topics: 'suggest.topic.', profile: 'platform.profile.' };
/** Moments, read as the hall's local day and time. */
const TIMES = new Set(['submittedAt', 'postedAt', 'endsAt', 'withdrawnAt']);
/** Who did it, read by name. */
const PEOPLE = new Set(['postedBy', 'withdrawnBy']);

/** Never shown (hashes); and values read as a whole, not field by field. */
const HIDDEN = new Set(['pinHash', 'passwordHash', 'tokenHash', 'schemaVersion', 'id']);
const WHOLE = new Set(['hours', 'appointmentHours', 'zones', 'categories', 'badReasons', 'roles', 'holidays', 'makeupWorkdays', 'topics', ...PEOPLE]);

export function describeAudit(entry: AuditEntry, names: AuditNames, lang: Lang): AuditView {
  const kind = auditKind(entry.action);
  const actionKey = `audit.action.${entry.action}`;
  const action = known(actionKey) ? t(actionKey, lang) : entry.action;
  const before = flatten(inLang(entry.before, lang));
  const after = flatten(inLang(entry.after, lang));
  const fields = [...new Set([...before.keys(), ...after.keys()])];
  const label = (path: string): string => {
    const labels = path.split('.').flatMap((p) => {
      const key = KIND_FIELDS[kind]?.[p] ?? FIELDS[p];
      return key ? [t(key, lang)] : [];
    });
    return labels.length ? labels.join(' · ') : path;
  };
  const show = (path: string, v: unknown): string => value(path, v, names, lang);
  const changes = fields.flatMap((path): AuditChange[] => {
    const was = before.has(path) ? show(path, before.get(path)) : undefined;
    const now = after.has(path) ? show(path, after.get(path)) : undefined;
    if (entry.before !== undefined && entry.after !== undefined && was === now) return [];
    return [{ field: label(path), ...(was !== undefined && { before: was }), ...(now !== undefined && { after: now }) }];
  });
  return { kind, action, target: target(entry, names, lang), changes };
}

/** An alert's words are kept in both languages (message / messageEn): the reader's are shown. */
function inLang(v: unknown, lang: Lang): unknown {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
  const { messageEn, messagesEn, ...rest } = v as Record<string, unknown>;
  if (lang === 'zh') return rest;
  return { ...rest, ...(messageEn !== undefined && { message: messageEn }), ...(messagesEn !== undefined && { messages: messagesEn }) };
}

/** Leaf fields by dotted path; arrays and WHOLE fields are leaves. */
function flatten(v: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (v === undefined) return out;
  if (v === null || typeof v !== 'object' || Array.isArray(v) || WHOLE.has(prefix.split('.').at(-1) ?? '')) {
    out.set(prefix, v);
    return out;
  }
  for (const [k, x] of Object.entries(v)) if (!HIDDEN.has(k)) flatten(x, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

function category(id: string, names: AuditNames, lang: Lang): string {
  const c = names.categories.find((x) => x.id === id);
  return c ? `${c.prefix} ${named(c, lang)}` : id;
}

function windowName(id: string, names: AuditNames, lang: Lang): string | undefined {
  const w = names.windows.find((x) => x.id === id);
  return w && t('audit.window', lang, { n: w.number, name: named(w, lang) });
}

/** A code in words, when the catalogue has it under `prefix`. */
function coded(prefix: string, v: unknown, lang: Lang): string {
  const key = `${prefix}${String(v)}`;
  return known(key) ? t(key, lang) : String(v);
}

function value(path: string, v: unknown, names: AuditNames, lang: Lang): string {
  const field = path.split('.').at(-1) ?? '';
  // A notice for no one window is for every window.
  if (field === 'windowId' && (v === null || typeof v === 'string')) return v === null ? t('notices.allWindows', lang) : (windowName(v, names, lang) ?? v);
  if (v === undefined || v === null || v === '') return t('audit.none', lang);
  if (typeof v === 'boolean') return t(v ? 'audit.yes' : 'audit.no', lang);
  if (TIMES.has(field) && typeof v === 'number') return formatLocal(v, names.timeZone);
  if (PEOPLE.has(field) && typeof v === 'object') return String((v as { name?: unknown }).name ?? '');
  const prefix = CODES[field];
  if (prefix) return Array.isArray(v) ? v.map((x) => coded(prefix, x, lang)).join(t('live.listSep', lang)) : coded(prefix, v, lang);
  if (field === 'kind' && typeof v === 'string') {
    // A printer's connection, a window's kind, or the kind of a suggestion.
    if (path.startsWith('connection')) return coded('printer.kind.', v, lang);
    return coded(known(`admin.windows.kind.${v}`) ? 'admin.windows.kind.' : 'suggest.kind.', v, lang);
  }
  const role = `devices.role.${String(v)}`;
  if (field === 'role' && known(role)) return t(role, lang);
  if (field === 'categories' && Array.isArray(v)) {
    return v.map((c: unknown) => (typeof c === 'string' ? category(c, names, lang) : weighted(c, names, lang))).join(t('live.listSep', lang)) || t('audit.all', lang);
  }
  if (field === 'roles' && Array.isArray(v)) return v.map((r) => { const key = `role.${String(r)}`; return known(key) ? t(key, lang) : String(r); }).join(t('live.listSep', lang));
  const sep = t(field === 'messages' ? 'live.sentenceSep' : 'live.listSep', lang);
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' ? compact(x) : String(x))).join(sep) || t('audit.none', lang);
  if (typeof v === 'object') return compact(v);
  return String(v as string | number);
}

function weighted(c: unknown, names: AuditNames, lang: Lang): string {
  const { categoryId, weight } = c as { categoryId: string; weight: number };
  return t('audit.weighted', lang, { category: category(categoryId, names, lang), weight });
}

/** An object read as a whole (opening hours, zones): its values, without braces or quotes. */
function compact(v: unknown): string {
  if (v === null || typeof v !== 'object') return String(v as string);
  if (Array.isArray(v)) return v.map(compact).join('，');
  return Object.entries(v)
    .filter(([k]) => !HIDDEN.has(k))
    .map(([k, x]) => `${k} ${compact(x)}`)
    .join('；');
}

function target(entry: AuditEntry, names: AuditNames, lang: Lang): string {
  const id = entry.target ?? '';
  const w = windowName(id, names, lang);
  if (w) return w;
  if (names.categories.some((c) => c.id === id)) return category(id, names, lang);
  if (entry.action === 'alert.acknowledgeAll') return t('audit.alerts', lang, { n: id });
  // The alert's own words are in the detail; the board settings are one form.
  if (entry.action === 'alert.acknowledge') return t('audit.alert', lang);
  if (entry.action === 'live.settings') return t('live.settings', lang);
  const record = (entry.after ?? entry.before) as { name?: unknown; windowId?: unknown; kind?: unknown; submittedAt?: unknown } | undefined;
  // A notice: where it shows; a suggestion: which kind, left when.
  if (auditKind(entry.action) === 'notice' && record && 'windowId' in record) return value('windowId', record.windowId, names, lang);
  if (entry.action === 'suggestion.handle' && typeof record?.submittedAt === 'number') {
    return t('audit.suggestion', lang, { kind: coded('suggest.kind.', record.kind, lang), at: formatLocal(record.submittedAt, names.timeZone) });
  }
  // A printer, a person, a device: by the name the form gave it.
  return typeof record?.name === 'string' ? record.name : id;
}

const known = (key: string): key is StringKey => key in CONSOLE_CATALOGUE;
