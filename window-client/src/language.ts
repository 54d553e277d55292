// The window caller's language: the shared Language over the caller's catalogue (window-i18n.ts).
import { t, type StringKey } from '@yichuang/shared/window-i18n';
import { Language } from '@yichuang/shared/ui/lang.svelte';

export type WindowLanguage = Language<StringKey>;

export const windowLanguage = (): WindowLanguage => new Language(t);
