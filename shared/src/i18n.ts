// The one catalogue of screen strings: Chinese (zh-CN) first, English second (docs/design.md §7).
// Screens never hard-code a label; they call t(key, lang, params). Error messages come from the hub
// (errors.ts) already in both languages; pick one with errorText().
import { APPOINTMENTS_STRINGS } from './strings/appointments.js';
import { BOARD_STRINGS } from './strings/board.js';
import { COMMON_STRINGS } from './strings/common.js';
import { GUIDE_STRINGS } from './strings/guide.js';
import { KIOSK_STRINGS } from './strings/kiosk.js';
import { PAD_STRINGS } from './strings/pad.js';
import { PRINTING_STRINGS } from './strings/printing.js';
import type { Outcome, PauseReason, PriorityClass, TicketState, WindowStatus } from './lists.js';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

/**
 * The screens' strings, composed from one file per screen family in strings/. The console's own strings
 * join them in console-i18n.ts and the window caller's in window-i18n.ts, so kiosks and boards do not
 * carry them (bundle ≤ 60 KB).
 */
export const STRINGS = {
  ...COMMON_STRINGS,
  ...KIOSK_STRINGS,
  ...BOARD_STRINGS,
  ...PAD_STRINGS,
  ...PRINTING_STRINGS,
  ...APPOINTMENTS_STRINGS,
  ...GUIDE_STRINGS,
} as const;

export type StringKey = keyof typeof STRINGS;
export type Params = Record<string, string | number>;

export function fill(template: string, params: Params | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, k: string) => (k in params ? String(params[k]) : whole));
}

/** A catalogue's t: the string `key` in `lang`, with {param}s filled in (the console and the window caller make theirs with it). */
export function translator<K extends string>(catalogue: Readonly<Record<K, readonly [string, string]>>): (key: K, lang: Lang, params?: Params) => string {
  return (key, lang, params) => {
    const pair = catalogue[key];
    return fill(lang === 'zh' ? pair[0] : pair[1], params);
  };
}

/** The string `key` in `lang`, with {param}s filled in. */
export const t = translator<StringKey>(STRINGS);

/** A configured name in the screen's language (categories, windows, the hall). */
export function named(o: { name: string; nameEn: string }, lang: Lang): string {
  return lang === 'en' && o.nameEn ? o.nameEn : o.name;
}

/** A hub error (or a client-side one) in the screen's language. */
export function errorText(e: { message: string; messageEn: string }, lang: Lang): string {
  return lang === 'en' && e.messageEn ? e.messageEn : e.message;
}

export const stateName = (s: TicketState, lang: Lang): string => t(`state.${s}`, lang);
export const priorityName = (p: PriorityClass, lang: Lang): string => t(`priority.${p}`, lang);
export const outcomeName = (o: Outcome, lang: Lang): string => t(`outcome.${o}`, lang);
export const pauseReasonName = (r: PauseReason, lang: Lang): string => t(`pause.${r}`, lang);
export const windowStatusName = (s: WindowStatus, lang: Lang): string => t(`windowStatus.${s}`, lang);

/** The value for <html lang>. */
export const htmlLang = (lang: Lang): string => (lang === 'zh' ? 'zh-CN' : 'en');

/** '2026年11月23日 星期一' / 'Mon, 23 Nov 2026' in the hall's time zone. */
export function formatDate(at: number, timeZone: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone,
    year: 'numeric',
    month: lang === 'zh' ? 'long' : 'short',
    day: 'numeric',
    weekday: lang === 'zh' ? 'long' : 'short',
  }).format(at);
}
