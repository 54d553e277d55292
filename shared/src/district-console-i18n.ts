// The district console's catalogue: the console's (sign-in, report figures) plus its own strings,
// through the same translator() as every screen.
import { CONSOLE_CATALOGUE } from './console-i18n.js';
import { translator } from './i18n.js';
import { DISTRICT_CONSOLE_STRINGS } from './strings/district-console.js';

export * from './i18n.js';

export const DISTRICT_CATALOGUE = { ...CONSOLE_CATALOGUE, ...DISTRICT_CONSOLE_STRINGS } as const;

export type DistrictStringKey = keyof typeof DISTRICT_CATALOGUE;

export const t = translator<DistrictStringKey>(DISTRICT_CATALOGUE);
