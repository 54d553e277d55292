// The district's published 事项 list (codes, names, departments) taken into the hall's catalogue: the
// hall keeps its own items and every guide (category, materials, conditions, …); for a code on the
// district's list the district's name and department win, and a code the hall lacks is added with an
// empty guide in the hall's first category (the hall fills it in). Written as a catalogue import, so it
// is checked like one and audited as the district's change.
import type { AuditActor } from '@yichuang/shared/admin';
import type { DistrictCatalogue } from '@yichuang/shared/district';
import type { Ack } from '@yichuang/shared/errors';
import type { HallCatalogue, ServiceItem } from '@yichuang/shared/kiosk';
import { catalogueJson } from '../catalogue/catalogue-file.js';
import type { DistrictConfig } from './district-config.js';

/** The hall's catalogue with the district's list taken in, or null when it already has it. */
export function withDistrictItems(hall: HallCatalogue, district: DistrictCatalogue, category: string): HallCatalogue | null {
  const byCode = new Map(district.items.map((i) => [i.code, i]));
  let changed = false;
  const items = hall.items.map((item): ServiceItem => {
    const d = byCode.get(item.code);
    if (!d || (d.name === item.name && d.nameEn === item.nameEn && d.department === item.department)) return item;
    changed = true;
    return { ...item, name: d.name, nameEn: d.nameEn, department: d.department };
  });
  const known = new Set(hall.items.map((i) => i.code));
  const added = district.items
    .filter((d) => !known.has(d.code))
    .map((d): ServiceItem => ({ id: d.code, code: d.code, name: d.name, nameEn: d.nameEn, department: d.department, categoryId: category, lifeEvents: [], conditions: '', materials: [], timeLimit: '', fee: '', phone: '' }));
  if (!changed && added.length === 0) return null;
  return { items: [...items, ...added], lifeEvents: hall.lifeEvents };
}

export interface CatalogueTarget {
  current(): HallCatalogue;
  importFile(bytes: Buffer, actor: AuditActor): Promise<Ack<HallCatalogue>>;
}

/** Takes each catalogue the district publishes (and the one held at start) into the hall's, one at a time. */
export function followDistrictCatalogue(districtConfig: DistrictConfig, catalogue: CatalogueTarget, firstCategory: () => string | undefined, log: (line: string) => void): void {
  let chain = Promise.resolve();
  districtConfig.onCatalogue((published) => {
    chain = chain.then(async () => {
      const category = firstCategory();
      const next = category === undefined ? null : withDistrictItems(catalogue.current(), published, category);
      if (!next) return;
      const { version, by } = districtConfig.catalogueSource();
      const actor: AuditActor = { name: `区级发布 v${version}（${by}）/ district publication v${version} by ${by}` };
      const taken = await catalogue.importFile(Buffer.from(catalogueJson(next)), actor);
      if (!taken.ok) log(`区级事项目录未能并入 / the district's catalogue could not be taken in: ${taken.error.messageEn}`);
    }).catch((err: unknown) => log(`区级事项目录未能并入 / the district's catalogue could not be taken in: ${String(err)}`));
  });
}
