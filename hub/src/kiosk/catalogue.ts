// The hall's service items as screens see them: each with the windows that take it and its pinyin
// search keys. Pinyin is worked out here, once, so no screen has to ship a pinyin dictionary.
import type { HallConfig } from '@yichuang/shared/domain';
import type { Catalogue, HallCatalogue, ItemView, Place, ServiceItem } from '@yichuang/shared/kiosk';
import { pinyin } from 'pinyin-pro';

interface Keys {
  initials: string;
  pinyin: string;
}

type ItemKeys = Pick<ItemView, 'initials' | 'pinyin'>;

/** 户口迁移（跨省） → { initials: 'hkqyks', pinyin: 'hukouqianyikuasheng' }; letters and digits are kept. */
export function pinyinKeys(text: string): Keys {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
  return { initials: syllables.map((s) => s[0]).join(''), pinyin: syllables.join('') };
}

/** The windows of a category, read from the configuration each time (a tidal window may switch). */
export function placeOf(config: HallConfig, categoryId: string): Place {
  const windows = config.windows.filter((w) => w.categories.some((c) => c.categoryId === categoryId));
  const zone = config.hall.zones.find((z) => z.id === windows[0]?.zone)?.name ?? '';
  const numbers = windows.map((w) => w.number).sort((a, b) => a - b);
  return { place: numbers.length ? `${zone} ${numbers.join('、')} 号窗口`.trim() : zone, windows: numbers };
}

/** The hall's catalogue as screens see it, read live from the hall's catalogue (a change shows at once). */
export class ItemCatalogue {
  /** Pinyin keys of each item, worked out again only when the catalogue changed (a new items list). */
  #keys = new WeakMap<ServiceItem, ItemKeys>();

  constructor(
    private readonly source: () => HallCatalogue,
    private readonly config: () => HallConfig,
  ) {}

  catalogue(phoneBase: string): Catalogue {
    const config = this.config();
    const { items: all, lifeEvents } = this.source();
    const items = all.map((i) => this.#view(i, config));
    return {
      items,
      lifeEvents: lifeEvents.map((e) => ({ ...e, ...placeOf(config, e.categoryId) })),
      departments: [...new Set(items.map((i) => i.department))],
      phoneBase,
    };
  }

  item(id: string): ItemView | undefined {
    const found = this.source().items.find((i) => i.id === id);
    return found && this.#view(found, this.config());
  }

  #view(item: ServiceItem, config: HallConfig): ItemView {
    const place = placeOf(config, item.categoryId);
    return { ...item, ...place, ...(item.where && { place: item.where }), ...this.#keysOf(item) };
  }

  #keysOf(item: ServiceItem): ItemKeys {
    let found = this.#keys.get(item);
    if (!found) {
      const keys = [item.name, ...(item.keywords ?? [])].map(pinyinKeys);
      this.#keys.set(item, (found = { initials: keys.map((k) => k.initials), pinyin: keys.map((k) => k.pinyin) }));
    }
    return found;
  }
}
