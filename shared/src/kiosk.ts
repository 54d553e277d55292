// Kiosks, the guide terminal and the ticket's phone page (issue 3): types, commands, broadcasts and
// error messages of this domain. Its commands and broadcasts join the one event map in events.ts.
import type { PriorityClass, ServiceDay, TicketState } from './domain.js';
import type { AckFn } from './errors.js';
import type * as K from './kiosk-schemas.js';
import type { KioskMode, SuggestionKind, SuggestionTopic } from './lists.js';

export { KIOSK_MODES, SUGGESTION_KINDS, SUGGESTION_TOPICS, type KioskMode, type SuggestionKind, type SuggestionTopic } from './lists.js';

/** The hall's zone whose kiosks run as 24-hour self-service terminals. */
export const SELF_SERVICE_ZONE = 'self24';

/** Kiosks say they are alive this often; the console counts a kiosk silent for 3 beats as stale. */
export const HEARTBEAT_MS = 30_000;

// ---- service items (事项) and their guides ----

/** One service item of the hall's catalogue with its guide (办事指南). */
export interface ServiceItem {
  /** The guide's address (?item=…); an imported item without one takes its code. */
  id: string;
  /** 事项编码 from the provincial 实施清单: what tickets (itemCode) and reports name it by. */
  code: string;
  name: string;
  nameEn: string;
  /** The unit responsible (实施主体). */
  department: string;
  /** The ticket category (and so the windows) that takes it. */
  categoryId: string;
  /** 一件事 this item belongs to (LifeEvent ids). */
  lifeEvents: string[];
  /** 受理条件 */
  conditions: string;
  /** 申请材料 */
  materials: string[];
  /** 办理时限, e.g. 即办 or 5个工作日. */
  timeLimit: string;
  /** 收费标准; most items: 不收费. */
  fee: string;
  /** 咨询电话 */
  phone: string;
  /** 办理地点 when not the windows of its category (e.g. 二楼税务专区). */
  where?: string;
  /** Other words people search it by (迁户口 → 户口迁移). */
  keywords?: string[];
  /** Can also be done at the 24-hour self-service terminals. */
  selfService?: boolean;
}

/** 一件事一次办: a life event bundling several items, taken together at one category's windows. */
export interface LifeEvent {
  id: string;
  name: string;
  nameEn: string;
  categoryId: string;
}

/** The hall's catalogue as it is kept (catalogue.json), imported and exported. */
export interface HallCatalogue {
  items: ServiceItem[];
  lifeEvents: LifeEvent[];
}

/** Where something is done: 办理地点 and the numbers of the windows that take it. */
export interface Place {
  /** e.g. 办事大厅 1、2、3 号窗口. */
  place: string;
  windows: number[];
}

export type LifeEventView = LifeEvent & Place;

/** An item as screens get it: with where it is done and its search keys (pinyin from the hub). */
export interface ItemView extends ServiceItem, Place {
  /** Pinyin initials of the name, then of each keyword: 户口迁移 → hkqy, 迁户口 → qhk. */
  initials: string[];
  /** Full pinyin without tones or spaces, in the same order: hukouqianyi, qianhukou. */
  pinyin: string[];
}

export interface Catalogue {
  items: ItemView[];
  lifeEvents: LifeEventView[];
  /** Units in the order the hall lists them. */
  departments: string[];
  /** http://host:port a phone on the hall's Wi-Fi reaches the hub at (for QR codes). */
  phoneBase: string;
}

/** Items matching a search of characters (name, unit, keywords) or pinyin (initials or full), best first. */
export function searchItems<T extends ItemView>(items: readonly T[], query: string): T[] {
  const q = query.trim().toLowerCase().replace(/\s+/g, '');
  if (!q) return [...items];
  const scored = items.flatMap((item) => {
    const score = matchScore(item, q);
    return score > 0 ? [{ item, score }] : [];
  });
  return scored.sort((a, b) => b.score - a.score).map((s) => s.item);
}

function matchScore(item: ItemView, q: string): number {
  if (/^[a-z]+$/.test(q)) {
    const [name = '', ...keywords] = item.initials;
    if (name.startsWith(q)) return 7;
    if (item.pinyin[0]?.startsWith(q)) return 6;
    if (keywords.some((k) => k.startsWith(q))) return 5;
    if (item.initials.some((k) => k.includes(q))) return 4;
    if (item.pinyin.some((k) => k.includes(q))) return 3;
    return item.nameEn.toLowerCase().replace(/\s+/g, '').includes(q) ? 2 : 0;
  }
  if (item.name.startsWith(q)) return 6;
  if (item.name.includes(q)) return 5;
  if (item.keywords?.some((k) => k.includes(q))) return 4;
  return item.department.includes(q) ? 1 : 0;
}

// ---- the ticket's phone page ----

/** What the phone page shows of a ticket: no identity, nothing personal. */
export interface TicketFollow {
  hallName: string;
  hallNameEn: string;
  timeZone: string;
  number: string;
  day: ServiceDay;
  categoryName: string;
  categoryNameEn: string;
  state: TicketState;
  priority: PriorityClass;
  /** While waiting. */
  ahead?: number;
  estimatedWaitMin?: number;
  /** While waiting in a category no window is open for now: no wait can be promised (engine/availability.ts). */
  noOpenWindow?: boolean;
  /** While called or served, or where it was finished. */
  windowNumber?: number;
  windowName?: string;
  windowNameEn?: string;
  at: number;
}

// ---- kiosks: modes, heartbeats, presence ----

/** Online time over a span, for uptime figures. */
export interface Uptime {
  upMs: number;
  spanMs: number;
}

/** A kiosk as the console shows it. */
export interface KioskStatus {
  deviceId: string;
  name: string;
  zone?: { id: string; name: string; nameEn: string };
  online: boolean;
  /** When it came online (online) or went offline (offline) last; absent if not seen since the hub started. */
  since?: number;
  lastBeatAt?: number;
  mode?: KioskMode;
  assisted?: boolean;
  /** Since midnight (hall time), and over the last 7 days. */
  today: Uptime;
  week: Uptime;
}

/** Connected but silent for three heartbeats: the page may have hung. */
export function isStale(status: KioskStatus, now: number): boolean {
  return status.online && (status.lastBeatAt === undefined || now - status.lastBeatAt > 3 * HEARTBEAT_MS);
}

// ---- help requests ----

/** A citizen at a kiosk asked for a member of staff (请工作人员帮助). */
export interface HelpRequested {
  id: string;
  at: number;
  deviceId: string;
  kioskName: string;
  zoneName?: string;
  /** Asked from the assisted (elderly) mode. */
  assisted: boolean;
  /** The ticket just taken at that kiosk, if any. */
  ticketNumber?: string;
}

// ---- suggestion and complaint box (意见箱) ----

export interface Suggestion {
  id: string;
  at: number;
  deviceId: string;
  kioskName: string;
  kind: SuggestionKind;
  topics: SuggestionTopic[];
  windowNumber?: number;
  text?: string;
  /** For a reply, masked (138****5678). */
  contact?: string;
  handled?: { at: number; by: string; note: string };
}

export interface KioskCommands {
  /** A kiosk is alive, and in which mode; sent every HEARTBEAT_MS. */
  'kiosk:heartbeat': (p: K.HeartbeatInput, ack: AckFn<{ at: number }>) => void;
  /** 请工作人员帮助: an alert for floor staff and the 帮办代办 window. */
  'kiosk:help': (p: K.HelpInput, ack: AckFn<HelpRequested>) => void;
  'kiosk:suggest': (p: K.SuggestInput, ack: AckFn<Suggestion>) => void;
  /** Managers: the suggestion box, open ones first. */
  'kiosk:suggestions': (p: K.QueryInput, ack: AckFn<Suggestion[]>) => void;
  'kiosk:handleSuggestion': (p: K.HandleSuggestionInput, ack: AckFn<Suggestion>) => void;
  /** Managers: every kiosk with its presence and uptime. */
  'kiosk:status': (p: K.QueryInput, ack: AckFn<KioskStatus[]>) => void;
}

// Not hall broadcasts: no seq. Sent to narrow rooms; screens ask the matching query on (re)connect.
export interface KioskBroadcasts {
  /** To the 帮办代办 windows (and their pads and displays). */
  'kiosk:helpRequested': (e: HelpRequested) => void;
  /** To consoles: a suggestion came in or was handled. */
  'kiosk:suggestionChanged': (e: Suggestion) => void;
  /** To consoles: a kiosk came online, went offline or changed mode. */
  'kiosk:statusChanged': (e: KioskStatus) => void;
  /** To kiosks: walk-in ticketing opened or closed by the hall's schedule (kiosks then ask for a snapshot). */
  'kiosk:hoursChanged': (e: { open: boolean; nextOpening?: number }) => void;
  /** To kiosks: the hall's catalogue of service items changed; fetch it again. */
  'kiosk:catalogueChanged': () => void;
}

