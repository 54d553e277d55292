// zod schemas of the hall's catalogue of service items (事项) and life events (一件事): what the console
// edits and what an import must be. Blank optional fields are dropped, so an export read back is identical.
import { z } from 'zod';
import { id, itemCode } from './schemas.js';

const text = (max: number) => z.string().trim().max(max);
const required = (max: number, zh: string, en: string) => z.string().trim().min(1, `${zh}不能为空 / ${en} is required`).max(max);
/** A list of short texts; blank entries are dropped. */
const texts = (max: number, each: number) =>
  z
    .array(z.string().trim().max(each))
    .max(max)
    .transform((l) => l.filter(Boolean));

export const serviceItem = z
  .object({
    id: id.optional(),
    code: itemCode,
    name: required(100, '事项名称', 'the name'),
    nameEn: text(200).default(''),
    department: required(100, '实施主体', 'the department'),
    categoryId: required(64, '业务类别', 'the category').pipe(id),
    lifeEvents: z.array(id).max(20).default([]),
    conditions: text(2000).default(''),
    materials: texts(60, 300).default([]),
    timeLimit: text(100).default(''),
    fee: text(300).default(''),
    phone: text(40).default(''),
    where: text(200).optional(),
    keywords: texts(30, 40).optional(),
    selfService: z.boolean().optional(),
  })
  .transform(({ id, where, keywords, selfService, ...item }) => ({
    ...item,
    id: id ?? item.code,
    ...(where && { where }),
    ...(keywords?.length && { keywords }),
    ...(selfService && { selfService }),
  }));

export const lifeEvent = z.object({
  id,
  name: required(100, '一件事名称', 'the name'),
  nameEn: text(200).default(''),
  categoryId: id,
});

/**
 * The whole catalogue, checked against the hall's categories: every row on its own (all rows, not
 * only up to the first bad one), then unique codes and ids, known categories and life events.
 */
export function hallCatalogue(categoryIds: readonly string[]) {
  const categories = new Set(categoryIds);
  return z.object({ items: z.array(z.unknown()).max(3000), lifeEvents: z.array(z.unknown()).max(200).default([]) }).transform((raw, ctx) => {
    const issue = (path: (string | number)[], message: string): void => void ctx.addIssue({ code: 'custom', path, message });
    const rows = <S extends z.ZodType>(list: 'items' | 'lifeEvents', schema: S): (z.output<S> | undefined)[] =>
      raw[list].map((row, i) => {
        const parsed = schema.safeParse(row);
        if (!parsed.success) for (const e of parsed.error.issues) issue([list, i, ...(e.path as (string | number)[])], e.message);
        return parsed.data;
      });
    const items = rows('items', serviceItem);
    const lifeEvents = rows('lifeEvents', lifeEvent);
    const repeated = <T>(list: 'items' | 'lifeEvents', all: (T | undefined)[], key: (row: T) => string, field: string, say: (k: string) => string): void => {
      const seen = new Set<string>();
      all.forEach((row, i) => {
        if (row === undefined) return;
        if (seen.has(key(row))) issue([list, i, field], say(key(row)));
        seen.add(key(row));
      });
    };
    repeated('items', items, (x) => x.code, 'code', (k) => `事项编码 ${k} 重复 / item code ${k} is repeated`);
    repeated('items', items, (x) => x.id, 'id', (k) => `地址编号 ${k} 重复 / id ${k} is repeated`);
    repeated('lifeEvents', lifeEvents, (x) => x.id, 'id', (k) => `一件事编号 ${k} 重复 / life event ${k} is repeated`);
    const events = new Set(lifeEvents.flatMap((e) => (e ? [e.id] : [])));
    const unknownCategory = (c: string) => `大厅没有业务类别 ${c} / the hall has no category ${c}`;
    items.forEach((item, i) => {
      if (!item) return;
      if (!categories.has(item.categoryId)) issue(['items', i, 'categoryId'], unknownCategory(item.categoryId));
      for (const e of item.lifeEvents) if (!events.has(e)) issue(['items', i, 'lifeEvents'], `没有一件事 ${e} / no life event ${e}`);
    });
    lifeEvents.forEach((e, i) => {
      if (e && !categories.has(e.categoryId)) issue(['lifeEvents', i, 'categoryId'], unknownCategory(e.categoryId));
    });
    return { items: items.filter((x) => x !== undefined), lifeEvents: lifeEvents.filter((x) => x !== undefined) };
  });
}

export type ServiceItemInput = z.input<typeof serviceItem>;
