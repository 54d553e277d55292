// Which kiosks are online, their heartbeats and mode, and their uptime: kept durable as presence
// records (uptime.ts) so that statistics can count a 7×24 terminal's uptime later.
import type { Device } from '@yichuang/shared/domain';
import type { KioskMode, KioskStatus, Uptime } from '@yichuang/shared/kiosk';
import { addDays, startOfDay } from '@yichuang/shared/time';
import type { DayFiles } from '../storage/day-files.js';
import { onlineIntervals, onlineWithin, type PresenceRecord } from './uptime.js';

/** Heartbeats are summed up in one record per online kiosk this often. */
export const BEATS_EVERY_MS = 5 * 60_000;
const WEEK_DAYS = 7;

interface Live {
  sockets: number;
  /** Came online / went offline at. */
  since: number;
  beats: number;
  lastBeatAt?: number;
  mode?: KioskMode;
  assisted?: boolean;
}

export interface KioskPresenceDeps {
  files: DayFiles<PresenceRecord>;
  kiosks: () => Device[];
  zones: () => { id: string; name: string; nameEn: string }[];
  clock: () => number;
  timeZone: () => string;
  log: (line: string) => void;
  /** A kiosk's status changed (online, offline, mode). */
  changed: (status: KioskStatus) => void;
}

export class KioskPresence {
  readonly #live = new Map<string, Live>();
  /** Today's records, kept for today's figures; earlier days are read from their files. */
  #today: { day: string; records: PresenceRecord[] };
  readonly #pastDays = new Map<string, PresenceRecord[]>();

  private constructor(private readonly deps: KioskPresenceDeps, today: { day: string; records: PresenceRecord[] }) {
    this.#today = today;
  }

  static async open(deps: KioskPresenceDeps): Promise<KioskPresence> {
    const day = deps.files.dayOf(deps.clock());
    const presence = new KioskPresence(deps, { day, records: await deps.files.read(day) });
    await presence.#past();
    await presence.#record([{ v: 1, at: deps.clock(), t: 'hub-start' }]);
    return presence;
  }

  online(device: Device): void {
    const live = this.#live.get(device.id);
    if (live && live.sockets > 0) {
      live.sockets++;
      return;
    }
    const at = this.deps.clock();
    this.#live.set(device.id, { sockets: 1, since: at, beats: 0 });
    this.#write([{ v: 1, at, t: 'online', device: device.id }], device.id);
  }

  offline(device: Device): void {
    const live = this.#live.get(device.id);
    if (!live || live.sockets === 0) return;
    if (--live.sockets > 0) return;
    const at = this.deps.clock();
    const beats: PresenceRecord[] = live.beats > 0 ? [this.#beats(device.id, live, at)] : [];
    Object.assign(live, { since: at, beats: 0 });
    this.#write([...beats, { v: 1, at, t: 'offline', device: device.id }], device.id);
  }

  heartbeat(device: Device, mode: KioskMode, assisted: boolean): number {
    const at = this.deps.clock();
    const live = this.#live.get(device.id);
    if (!live || live.sockets === 0) return at;
    const changed = live.mode !== mode || live.assisted !== assisted;
    Object.assign(live, { beats: live.beats + 1, lastBeatAt: at, mode, assisted });
    if (changed) this.deps.changed(this.status(device));
    return at;
  }

  /** One summary record per online kiosk; called every BEATS_EVERY_MS. */
  async summarise(): Promise<void> {
    const at = this.deps.clock();
    const records: PresenceRecord[] = [];
    for (const [id, live] of this.#live) {
      if (live.sockets === 0) continue;
      records.push(this.#beats(id, live, at));
      live.beats = 0;
    }
    await this.#record(records);
  }

  async statuses(): Promise<KioskStatus[]> {
    const kiosks = this.deps.kiosks();
    const past = await this.#past();
    return kiosks.map((k) => this.status(k, past));
  }

  status(device: Device, past: PresenceRecord[] = this.#cachedPast()): KioskStatus {
    const now = this.deps.clock();
    const live = this.#live.get(device.id);
    const online = (live?.sockets ?? 0) > 0;
    const zones = this.deps.zones();
    // By the clock: just after midnight, before the first record of the new day, it is the new day already.
    const today = this.deps.files.dayOf(now);
    const dayStart = startOfDay(today, this.deps.timeZone());
    const weekStart = startOfDay(addDays(today, 1 - WEEK_DAYS), this.deps.timeZone());
    const records = [...past, ...this.#today.records];
    const intervals = onlineIntervals(records, device.id, online ? now : undefined);
    const uptime = (from: number): Uptime => {
      // The span starts where the records do: a hub installed this morning does not count the night as down.
      const start = Math.max(from, records[0]?.at ?? now);
      return { upMs: onlineWithin(intervals, start, now), spanMs: Math.max(0, now - start) };
    };
    return {
      deviceId: device.id,
      name: device.name,
      zone: zones.find((z) => z.id === device.zone),
      online,
      since: live?.since,
      lastBeatAt: live?.lastBeatAt,
      mode: online ? live?.mode : undefined,
      assisted: online ? live?.assisted : undefined,
      today: uptime(dayStart),
      week: uptime(weekStart),
    };
  }

  async close(): Promise<void> {
    await this.summarise();
    await this.#record([{ v: 1, at: this.deps.clock(), t: 'hub-stop' }]);
    await this.deps.files.close();
  }

  #beats(device: string, live: Live, at: number): PresenceRecord {
    return { v: 1, at, t: 'beats', device, n: live.beats, mode: live.mode, assisted: live.assisted };
  }

  /** Writes in the background (presence is observed, not commanded), then tells the console. */
  #write(records: PresenceRecord[], deviceId: string): void {
    this.#record(records)
      .catch((err: unknown) => this.deps.log(`presence of ${deviceId} not recorded: ${(err as Error).message}`))
      .finally(() => {
        const device = this.deps.kiosks().find((k) => k.id === deviceId);
        if (device) this.deps.changed(this.status(device));
      });
  }

  /**
   * Appends durably, in call order. A new day's file starts with the kiosks online at midnight and
   * the old day's ends there. The in-memory state changes at once, so concurrent calls agree on the day.
   */
  #record(records: PresenceRecord[]): Promise<void> {
    const first = records[0];
    if (!first) return Promise.resolve();
    const day = this.deps.files.dayOf(first.at);
    const writes: Promise<void>[] = [];
    if (day !== this.#today.day) {
      const midnight = startOfDay(day, this.deps.timeZone());
      const online = [...this.#live].filter(([, l]) => l.sockets > 0).map(([id]) => id);
      const end: PresenceRecord = { v: 1, at: midnight, t: 'day-end' };
      this.#today.records.push(end);
      this.#pastDays.set(this.#today.day, this.#today.records);
      writes.push(this.deps.files.append([end], this.#today.day));
      this.#today = { day, records: [] };
      // Only the last week is kept in memory.
      const oldest = addDays(day, 1 - WEEK_DAYS);
      for (const kept of this.#pastDays.keys()) if (kept < oldest) this.#pastDays.delete(kept);
      records = [{ v: 1, at: midnight, t: 'day-start', online }, ...records];
    }
    this.#today.records.push(...records);
    writes.push(this.deps.files.append(records, day));
    return Promise.all(writes).then(() => undefined);
  }

  /** The six days before today, read once each (their files no longer change). */
  async #past(): Promise<PresenceRecord[]> {
    for (let i = WEEK_DAYS - 1; i >= 1; i--) {
      const day = addDays(this.#today.day, -i);
      if (!this.#pastDays.has(day)) this.#pastDays.set(day, await this.deps.files.read(day));
    }
    return this.#cachedPast();
  }

  #cachedPast(): PresenceRecord[] {
    const out: PresenceRecord[] = [];
    for (let i = WEEK_DAYS - 1; i >= 1; i--) out.push(...(this.#pastDays.get(addDays(this.#today.day, -i)) ?? []));
    return out;
  }
}
