import { searchItems } from '@yichuang/shared/kiosk';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HallConfig } from '@yichuang/shared/domain';
import { demoHall } from '../demo/demo-hall.js';
import { ItemCatalogue, pinyinKeys } from './catalogue.js';
import { demoCatalogue } from '../demo/demo-items.js';

let config: HallConfig;
let catalogue: ItemCatalogue;
beforeAll(async () => {
  config = await demoHall();
  const demo = demoCatalogue();
  catalogue = new ItemCatalogue(() => demo, () => config);
});

describe('pinyin keys', () => {
  it('gives initials and full pinyin, reading polyphones in context and dropping punctuation', () => {
    expect(pinyinKeys('户口迁移')).toEqual({ initials: 'hkqy', pinyin: 'hukouqianyi' });
    expect(pinyinKeys('重庆银行').initials).toBe('cqyh');
    expect(pinyinKeys('不动产权证书补证、换证').initials).toBe('bdcqzsbzhz');
  });
});

describe('demo catalogue', () => {
  it('has at least 60 items across the departments, each with a full guide and a category of the hall', () => {
    const { items, departments, lifeEvents } = catalogue.catalogue('http://hub');
    expect(items.length).toBeGreaterThanOrEqual(60);
    expect(departments.length).toBeGreaterThanOrEqual(10);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    const categories = new Set(config.categories.map((c) => c.id));
    const events = new Set(lifeEvents.map((e) => e.id));
    for (const item of items) {
      expect(categories.has(item.categoryId), item.id).toBe(true);
      expect(item.materials.length, item.id).toBeGreaterThan(0);
      expect(item.conditions && item.timeLimit && item.fee && item.phone, item.id).toBeTruthy();
      expect(item.windows.length, item.id).toBeGreaterThan(0);
      for (const e of item.lifeEvents) expect(events.has(e), `${item.id} → ${e}`).toBe(true);
    }
    for (const e of lifeEvents) expect(items.filter((i) => i.lifeEvents.includes(e.id)).length, e.id).toBeGreaterThanOrEqual(2);
    expect(items.filter((i) => i.fee === '不收费').length / items.length).toBeGreaterThan(0.7);
  });

  it('says where an item is done from the windows that serve its category', () => {
    expect(catalogue.item('hukou-move')).toMatchObject({ windows: [1, 2, 3, 15], place: '办事大厅 1、2、3、15 号窗口' });
    expect(catalogue.item('marriage-reg')).toMatchObject({ windows: [9], place: '办事大厅 9 号窗口' });
    expect(catalogue.item('nope')).toBeUndefined();
  });
});

describe('search', () => {
  it('finds items by pinyin initials, full pinyin, characters and keywords, best match first', () => {
    const { items } = catalogue.catalogue('http://hub');
    expect(searchItems(items, 'hkqy')[0]?.name).toBe('户口迁移');
    expect(searchItems(items, 'HKQY')[0]?.name).toBe('户口迁移');
    expect(searchItems(items, 'hukou')[0]?.name).toBe('户口迁移');
    expect(searchItems(items, '结婚')[0]?.name).toBe('结婚登记');
    expect(searchItems(items, '过户').map((i) => i.id)).toEqual(expect.arrayContaining(['property-transfer', 'utilities-transfer']));
    expect(searchItems(items, 'sbk').map((i) => i.id)).toContain('social-card');
    expect(searchItems(items, 'zzzz')).toEqual([]);
    expect(searchItems(items, '  ')).toHaveLength(items.length);
  });
});
