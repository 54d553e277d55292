// The catalogue's file layout (README, "Service catalogue"): one sheet of items, one of life events,
// each column headed `中文 key` (either half is enough on import). Lists go one entry per line in their cell.
import type { LifeEvent, ServiceItem } from '@yichuang/shared/kiosk';

export interface AnyColumn {
  key: string;
  zh: string;
  /** How wide it shows in a spreadsheet, in characters. */
  width: number;
  /** lines: one entry per line (申请材料 may hold 、); list: per line or split at 、，,；; yesNo: 是 or blank. */
  kind?: 'lines' | 'list' | 'yesNo';
}

export interface Column<T> extends AnyColumn {
  key: keyof T & string;
}

export const ITEMS_SHEET = '事项';
export const LIFE_EVENTS_SHEET = '一件事';

export const ITEM_COLUMNS: readonly Column<ServiceItem>[] = [
  { key: 'code', zh: '事项编码', width: 24 },
  { key: 'name', zh: '事项名称', width: 30 },
  { key: 'nameEn', zh: '英文名称', width: 30 },
  { key: 'department', zh: '实施主体', width: 20 },
  { key: 'categoryId', zh: '业务类别', width: 14 },
  { key: 'conditions', zh: '受理条件', width: 40 },
  { key: 'materials', zh: '申请材料', width: 40, kind: 'lines' },
  { key: 'timeLimit', zh: '办理时限', width: 16 },
  { key: 'fee', zh: '收费标准', width: 20 },
  { key: 'where', zh: '办理地点', width: 20 },
  { key: 'phone', zh: '咨询电话', width: 14 },
  { key: 'lifeEvents', zh: '一件事', width: 16, kind: 'list' },
  { key: 'keywords', zh: '搜索关键词', width: 20, kind: 'list' },
  { key: 'selfService', zh: '自助办理', width: 10, kind: 'yesNo' },
  { key: 'id', zh: '地址编号', width: 18 },
];

export const LIFE_EVENT_COLUMNS: readonly Column<LifeEvent>[] = [
  { key: 'id', zh: '编号', width: 18 },
  { key: 'name', zh: '名称', width: 30 },
  { key: 'nameEn', zh: '英文名称', width: 30 },
  { key: 'categoryId', zh: '业务类别', width: 14 },
];

export const header = (c: AnyColumn): string => `${c.zh} ${c.key}`;

/** The column a header names: by its key (the last word) or by its Chinese name alone. */
export function columnOf<T>(columns: readonly Column<T>[], text: string): Column<T> | undefined {
  const words = text.trim().split(/\s+/);
  const last = words[words.length - 1] ?? '';
  return columns.find((c) => c.key === last) ?? columns.find((c) => c.zh === words[0]);
}
