// The window caller's catalogue: the screens' strings plus the caller's own, which only window staff's
// screens (and the console) load, so the kiosk's first page does not carry them. Caller code imports t
// and StringKey from here; everything else is the screens' i18n.
import { fill, STRINGS, type Lang, type Params } from './i18n.js';
import { WINDOW_STRINGS } from './strings/window.js';

export * from './i18n.js';

export const WINDOW_CATALOGUE = { ...STRINGS, ...WINDOW_STRINGS } as const;

export type StringKey = keyof typeof WINDOW_CATALOGUE;

export function t(key: StringKey, lang: Lang, params?: Params): string {
  const pair = WINDOW_CATALOGUE[key];
  return fill(lang === 'zh' ? pair[0] : pair[1], params);
}
