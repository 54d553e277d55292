// Local times come from one Intl reading per zone and quarter hour: they must equal Intl's own
// reading at every instant, next to offset changes (summer time, 30-minute shifts) included.
import { describe, expect, it } from 'vitest';
import { formatLocal, localParts, zonedInstant } from './time.js';

const ZONES = ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns'];

const readers = new Map(
  ZONES.map((timeZone) => [timeZone, new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })]),
);

function intl(at: number, timeZone: string): { day: string; hm: string; minutes: number } {
  const parts = readers.get(timeZone)!.formatToParts(at);
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return { day: `${p.year}-${p.month}-${p.day}`, hm: `${p.hour}:${p.minute}`, minutes: Number(p.hour) * 60 + Number(p.minute) + Number(p.second) / 60 };
}

/** Instants around the zones' 2026 offset changes (St John's changes on a half hour UTC), a second either side, and a seeded spread over the year. */
function instants(): number[] {
  const out: number[] = [];
  for (const change of ['2026-03-08T07:00:00Z', '2026-03-29T01:00:00Z', '2026-04-04T15:00:00Z', '2026-10-04T15:30:00Z', '2026-10-25T01:00:00Z', '2026-11-01T06:00:00Z', '2026-03-08T05:30:00Z', '2026-11-01T04:30:00Z']) {
    const t = Date.parse(change);
    for (const d of [-60_001, -1000, -1, 0, 1, 999, 1000, 60_000, 1_800_000]) out.push(t + d);
  }
  let seed = 7;
  for (let i = 0; i < 500; i++) {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    out.push(Date.parse('2026-01-01T00:00:00Z') + (seed % (366 * 86_400)) * 1000 + (seed % 1000));
  }
  return out;
}

describe('hall time', () => {
  it.each(ZONES)('reads the wall clock of %s as Intl does at every instant', (zone) => {
    for (const at of instants()) {
      const want = intl(at, zone);
      const got = localParts(at, zone);
      expect({ at, day: got.day, minutes: got.minutes, text: formatLocal(at, zone) }).toEqual({ at, day: want.day, minutes: want.minutes, text: `${want.day} ${want.hm}` });
      expect(got.weekday).toBe(new Date(`${want.day}T00:00:00Z`).getUTCDay());
    }
  });

  it.each(ZONES)('finds the instant of a wall-clock time in %s', (zone) => {
    for (const day of ['2026-03-08', '2026-03-29', '2026-04-05', '2026-10-04', '2026-10-25', '2026-11-01', '2026-12-07']) {
      for (const minutes of [0, 9 * 60, 13 * 60 + 30, 23 * 60 + 59]) {
        const at = zonedInstant(day, minutes, zone);
        expect(intl(at, zone)).toMatchObject({ day, minutes });
      }
    }
  });
});
