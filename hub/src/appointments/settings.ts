// The appointment rules of each category, notice timing and the phone page's rate limits:
// <dataDir>/appointments.json (lowdb on the durable adapter). Defaults suit the demo hall.
import type { BookingRules } from '@yichuang/shared/appointments';
import { appointmentSettings, type AppointmentSettings } from '@yichuang/shared/appointments-schemas';
import path from 'node:path';
import { dataFolder } from '../storage/data-folder.js';
import { SmallStore } from '../storage/small-store.js';

const DEFAULTS: BookingRules = {
  enabled: true,
  slotMinutes: 30,
  capacity: 4,
  daysAhead: 7,
  cutoffMinutes: 30,
  perPerson: { maxActive: 2, maxPerDay: 1 },
  blackoutDays: [],
  checkIn: { earlyMinutes: 30, lateMinutes: 15 },
};

/**
 * The demo hall: weekend appointment-only services (医保社保, 不动产, 税务) take more per slot, as
 * their one or two weekend windows see only booked visitors; 企业开办 cases are long; collecting a
 * certificate (综合出证) takes a minute and needs no booking.
 */
export function defaultSettings(): AppointmentSettings {
  return {
    schemaVersion: 1,
    defaults: structuredClone(DEFAULTS),
    categories: {
      insurance: { capacity: 6 },
      property: { capacity: 6, slotMinutes: 60 },
      tax: { capacity: 6 },
      business: { capacity: 2, slotMinutes: 60 },
      certificate: { enabled: false },
    },
    notices: { reminderMinutesBefore: 24 * 60 },
    rateLimit: { readsPerMinute: 120, writesPerMinute: 10 },
  };
}

/**
 * Reads the settings, writing the defaults on first start. Read once at start: edit the file and
 * restart the hub. A file that is not valid is left as it is (for a manager to fix), and the
 * defaults apply meanwhile.
 */
export async function loadSettings(dataDir: string, log: (line: string) => void): Promise<AppointmentSettings> {
  const file = dataFolder(dataDir).appointments;
  const store = await SmallStore.open(file, defaultSettings, log);
  const parsed = appointmentSettings.safeParse(store.data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  log(`${path.basename(file)} 内容有误，暂用默认预约规则 / ${path.basename(file)} is invalid, using the default rules: ${issue?.path.join('.')} ${issue?.message}`);
  return defaultSettings();
}

/** A category's rules: the defaults with its own differences. */
export function rulesFor(settings: AppointmentSettings, categoryId: string): BookingRules {
  return { ...settings.defaults, ...settings.categories[categoryId] };
}
