// 窗口 of the demo hall, numbered 1–17 as on the hall's signs.
import type { ServiceWindow } from '@yichuang/shared/domain';
import type { DemoCategoryId } from './demo-categories.js';
import { DEPT } from './demo-departments.js';
import { HALL_ZONE } from './demo-zones.js';

/** 7 → '07', for window ids, device ids and staff numbers. */
export const twoDigits = (n: number): string => String(n).padStart(2, '0');

interface WindowDefinition extends Pick<ServiceWindow, 'name' | 'nameEn' | 'kind' | 'department'> {
  /** Identical windows share one definition. */
  numbers: number[];
  /** Categories served, with the window's weight for each. */
  serves: [DemoCategoryId, number][];
}

const WINDOWS: WindowDefinition[] = [
  {
    numbers: [1, 2, 3],
    name: '综合窗口',
    nameEn: 'Comprehensive window',
    kind: 'comprehensive',
    department: DEPT.centre,
    serves: [
      ['general', 10],
      ['one-thing', 3],
      ['cross-region', 2],
    ],
  },
  {
    numbers: [4],
    name: '社会事务综合窗口',
    nameEn: 'Social affairs',
    kind: 'department',
    department: DEPT.humanResources,
    serves: [['social', 10]],
  },
  {
    numbers: [5],
    name: '医保社保窗口',
    nameEn: 'Medical & social insurance',
    kind: 'department',
    department: DEPT.medicalInsurance,
    serves: [['insurance', 10]],
  },
  {
    numbers: [6],
    name: '企业开办窗口',
    nameEn: 'Business start-up',
    kind: 'department',
    department: DEPT.market,
    serves: [['business', 10]],
  },
  {
    numbers: [7],
    name: '房产事务·不动产窗口',
    nameEn: 'Real estate & property registration',
    kind: 'department',
    department: DEPT.realEstate,
    serves: [['property', 10]],
  },
  {
    numbers: [8],
    name: '税务窗口',
    nameEn: 'Taxation',
    kind: 'department',
    department: DEPT.tax,
    serves: [['tax', 10]],
  },
  {
    numbers: [9],
    name: '民政事务窗口',
    nameEn: 'Civil affairs',
    kind: 'department',
    department: DEPT.civilAffairs,
    serves: [['civil', 10]],
  },
  {
    numbers: [10],
    name: '医疗卫生窗口',
    nameEn: 'Medical & health',
    kind: 'department',
    department: DEPT.health,
    serves: [['health', 10]],
  },
  {
    numbers: [11],
    name: '水电气暖窗口',
    nameEn: 'Water, power, gas & heating',
    kind: 'department',
    department: DEPT.utilities,
    serves: [['utilities', 10]],
  },
  {
    numbers: [12],
    name: '跨域通办窗口（全省通办·跨省通办）',
    nameEn: 'Cross-region services',
    kind: 'department',
    department: DEPT.centre,
    serves: [['cross-region', 10]],
  },
  {
    numbers: [13],
    name: '一件事一次办窗口',
    nameEn: 'One thing, one visit',
    kind: 'department',
    department: DEPT.centre,
    serves: [['one-thing', 10]],
  },
  {
    numbers: [14],
    name: '帮办代办窗口',
    nameEn: 'Assisted & proxy service',
    kind: 'assist',
    department: DEPT.centre,
    serves: [['assist', 10]],
  },
  {
    // Switched to whichever queue is long; starts by backing up the comprehensive windows.
    numbers: [15],
    name: '潮汐窗口',
    nameEn: 'Tidal window',
    kind: 'tidal',
    department: DEPT.centre,
    serves: [
      ['general', 5],
      ['social', 1],
    ],
  },
  {
    numbers: [16, 17],
    name: '综合出证窗口',
    nameEn: 'Certificate issuance',
    kind: 'certificate',
    department: DEPT.centre,
    serves: [['certificate', 10]],
  },
];

export function demoWindows(): ServiceWindow[] {
  return WINDOWS.flatMap(({ numbers, serves, ...window }) =>
    numbers.map((number) => ({
      id: `w${twoDigits(number)}`,
      number,
      ...window,
      categories: serves.map(([categoryId, weight]) => ({ categoryId, weight })),
      zone: HALL_ZONE,
    })),
  );
}
