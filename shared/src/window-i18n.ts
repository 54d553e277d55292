// The window caller's catalogue: the screens' strings plus the caller's own, which only window staff's
// screens (and the console) load, so the kiosk's first page does not carry them. Caller code imports t
// and StringKey from here; everything else is the screens' i18n.
import { STRINGS, translator } from './i18n.js';
import { WINDOW_STRINGS } from './strings/window.js';

export * from './i18n.js';

export const WINDOW_CATALOGUE = { ...STRINGS, ...WINDOW_STRINGS } as const;

export type StringKey = keyof typeof WINDOW_CATALOGUE;

export const t = translator<StringKey>(WINDOW_CATALOGUE);
