// What the district server (district/) answers about its halls (issue 21).
import type { HallLevel } from './lists.js';

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
