// What the district server (district/) answers about its halls (issue 21).
import type { HallLevel } from './lists.js';
import type { Report } from './reports.js';

export type { HallLevel } from './lists.js';

/** One hall as `GET /api/district/halls` shows it. */
export interface DistrictHall {
  id: string;
  name: string;
  nameEn: string;
  level: HallLevel;
  /** Its forwarder reported within the last 30 s. */
  linked: boolean;
  /** The newest of its journal records the district holds (0: none yet). */
  lastSeq: number;
  /** The newest seq the hall reported having. */
  headSeq: number;
  /** How far behind the district's picture of the hall is, in seconds: 0 when linked and caught up; null before it ever was. */
  lagS: number | null;
  /** Tickets waiting now, today (the hall's service day). */
  waiting: number;
  /** Tickets issued today. */
  issued: number;
  /** Windows open or paused today. */
  windowsOpen: number;
  /** When its forwarder last reported (epoch ms), if ever. */
  contactAt: number | null;
  /** What stops its forwarding (a conflict), bilingual; null when nothing does. */
  problem: string | null;
}

/** District accounts: an admin may publish to the halls; an evaluator only reads. */
export const DISTRICT_ROLES = ['admin', 'evaluator'] as const;
export type DistrictRole = (typeof DISTRICT_ROLES)[number];

/** Who is signed in at the district console (`GET/POST /api/district/session`). */
export interface DistrictOperator {
  username: string;
  name: string;
  role: DistrictRole;
  /** A demo account, or the demo console token. */
  demo: boolean;
}

/** What the district publishes to its halls, each kind a numbered series of versions. */
export const PUBLISHED_KINDS = ['holidays', 'catalogue'] as const;
export type PublishedKind = (typeof PUBLISHED_KINDS)[number];

/** The district's holiday calendar: days off (法定节假日) and make-up working days (调休上班). */
export interface DistrictHolidays {
  holidays: string[];
  makeupWorkdays: string[];
}

/** One 事项 of the district's service catalogue, with its code. */
export interface CatalogueItem {
  code: string;
  name: string;
  nameEn: string;
  department: string;
}

export interface DistrictCatalogue {
  items: CatalogueItem[];
}

export interface PublishedDocuments {
  holidays: DistrictHolidays;
  catalogue: DistrictCatalogue;
}

/** One published version, as the district keeps it and a hall takes it. */
export interface Published<K extends PublishedKind = PublishedKind> {
  kind: K;
  version: number;
  document: PublishedDocuments[K];
  publishedAt: number;
  publishedBy: string;
}

/** `GET /api/district/report?from=&to=[&hall=]`: the district's totals and each hall's, each the hall report's shape. */
export interface DistrictReport {
  district: Report;
  halls: Array<{ id: string; name: string } & Report>;
}

export interface DistrictReportQuery {
  from: string;
  to: string;
  hall?: string;
}

export interface PublishedNow {
  holidays: Published<'holidays'> | null;
  catalogue: Published<'catalogue'> | null;
}
