// The console's catalogue: the screens' strings plus the console's own, which only the console loads.
// Console code imports t and StringKey from here; everything else is the screens' i18n.
import { STRINGS, translator } from './i18n.js';
import { ADMIN_STRINGS } from './strings/admin.js';
import { CONSOLE_CATALOGUE_STRINGS } from './strings/console-catalogue.js';
import { CAPACITY_STRINGS } from './strings/capacity.js';
import { CONSOLE_CASES_STRINGS } from './strings/console-cases.js';
import { CONSOLE_DEVICES_STRINGS } from './strings/console-devices.js';
import { CONSOLE_LIVE_STRINGS } from './strings/console-live.js';
import { CONSOLE_NOTICES_STRINGS } from './strings/console-notices.js';
import { CONSOLE_PROVINCE_STRINGS } from './strings/console-province.js';
import { CONSOLE_REPORTS_STRINGS } from './strings/console-reports.js';
import { CONSOLE_STRINGS } from './strings/console.js';
import { WINDOW_STRINGS } from './strings/window.js';

export * from './i18n.js';

export const CONSOLE_CATALOGUE = {
  ...STRINGS,
  ...WINDOW_STRINGS,
  ...CONSOLE_STRINGS,
  ...CONSOLE_CASES_STRINGS,
  ...CONSOLE_DEVICES_STRINGS,
  ...CONSOLE_LIVE_STRINGS,
  ...CONSOLE_REPORTS_STRINGS,
  ...ADMIN_STRINGS,
  ...CONSOLE_NOTICES_STRINGS,
  ...CONSOLE_PROVINCE_STRINGS,
  ...CONSOLE_CATALOGUE_STRINGS,
  ...CAPACITY_STRINGS,
} as const;

export type StringKey = keyof typeof CONSOLE_CATALOGUE;

export const t = translator<StringKey>(CONSOLE_CATALOGUE);
