// zod schemas of what the district publishes to its halls: the district checks a document before it
// stores a version, and a hall checks it again before it takes it (a hand-edited row is not trusted).
import { z } from 'zod';
import type { DistrictCatalogue, DistrictHolidays, PublishedKind } from './district.js';
import { day } from './schemas.js';

const days = z.array(day).max(2000);

export const districtHolidays = z
  .object({ holidays: days, makeupWorkdays: days })
  .refine((c) => !c.holidays.some((d) => c.makeupWorkdays.includes(d)), '同一天不能既是假日又是调休上班 / a day cannot be both a holiday and a make-up working day');

export const catalogueItem = z.object({
  code: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().max(200).default(''),
  department: z.string().trim().max(200).default(''),
});

export const districtCatalogue = z
  .object({ items: z.array(catalogueItem).max(5000) })
  .refine((c) => new Set(c.items.map((i) => i.code)).size === c.items.length, '事项编码不能重复 / each item code once');

export const PUBLISHED_SCHEMAS = { holidays: districtHolidays, catalogue: districtCatalogue } as const satisfies Record<
  PublishedKind,
  z.ZodType<DistrictHolidays> | z.ZodType<DistrictCatalogue>
>;
