// Ratings as the national 好差评 records of GB/T 39046-2020 table 9 (国办发〔2019〕51号), coded by the
// hall's export profile, for the JSON/CSV export and the provincial outbox. 未评价 visits are not
// ratings and give no record: the report counts them. Phones stay masked: the hub never keeps a full number.
import type { HallConfig } from '@yichuang/shared/domain';
import { t } from '@yichuang/shared/console-i18n';
import type { RatingExportProfile } from '@yichuang/shared/lists';
import type { Rating, RatingLevel } from '@yichuang/shared/ratings';
import type { Table } from '@yichuang/shared/reports';
import { formatBasic } from '@yichuang/shared/time';

/** 满意度代码 per profile: national 1 = 非常满意 … 5 = 非常不满意; reversed 5 = 非常满意 … 1. */
const LEVEL_CODES: Record<RatingExportProfile, Record<RatingLevel, number>> = {
  national: { 'very-satisfied': 1, satisfied: 2, basic: 3, dissatisfied: 4, 'very-dissatisfied': 5 },
  reversed: { 'very-satisfied': 5, satisfied: 4, basic: 3, dissatisfied: 2, 'very-dissatisfied': 1 },
};

export function levelCode(level: RatingLevel, profile: RatingExportProfile): number {
  return LEVEL_CODES[profile][level];
}

/** 评价人 of an anonymous rating (no phone was left). */
export const ANONYMOUS = '匿名';

export interface NationalRatingRecord {
  /** The record's id, unique across halls and stable: what the outbox pushes it under. */
  recordId: string;
  /** 办件编号: the business system's case number, else recordId. */
  caseNumber: string;
  /** 评价渠道: the hall's code for the channel. */
  channelCode: string;
  /** Its name, for a person reading the export. */
  channel: string;
  /** 评价人: the masked phone of a 实名 rating (138****5678), else 匿名. */
  rater: string;
  /** 实名评价 (1) or 匿名 (0). */
  realName: 0 | 1;
  /** 评价时间, YYYYMMDDThhmmss in hall time. */
  ratedAt: string;
  /** 评价次数: this rating's place among the day's ratings of the same 办件编号 (1 = first). */
  times: number;
  /** 满意度 */
  level: string;
  /** 满意度代码 in the profile's coding. */
  levelCode: number;
  /** 差评原因 */
  reasons: string[];
  /** 文字评价 */
  text: string;
  /** 行政区划代码 (GB/T 2260) */
  regionCode: string;
  /** 办结时间, YYYYMMDDThhmmss in hall time. */
  finishedAt: string;
  /** 事项 / 业务类别 */
  service: string;
  /** 窗口 */
  window: string;
  /** 工作人员工号 */
  staffNumber: string;
}

/** `<行政区划><hallId><YYYYMMDD><number>`: a visit's id across halls and days, with no '/'. */
export function visitRecordId(r: Pick<Rating, 'ticketId' | 'ticketNumber'>, config: HallConfig): string {
  return `${config.evaluation.platform.regionCode}${config.hall.id}${dayOf(r).replaceAll('-', '')}${r.ticketNumber}`;
}

/** The service day of the rated visit: ticket ids are `${day}/${number}`. */
const dayOf = (r: Pick<Rating, 'ticketId'>): string => r.ticketId.slice(0, r.ticketId.indexOf('/'));

/** One rating as a national record; `times` is its 评价次数. */
export function nationalRecord(r: Rating & { level: RatingLevel }, times: number, config: HallConfig): NationalRatingRecord {
  const { timeZone } = config.hall;
  const platform = config.evaluation.platform;
  const recordId = visitRecordId(r, config);
  const category = config.categories.find((c) => c.id === r.categoryId);
  const window = config.windows.find((w) => w.id === r.windowId);
  return {
    recordId,
    caseNumber: r.caseNumber ?? recordId,
    channelCode: platform.channelCodes[r.channel],
    channel: t(`platform.channel.${r.channel}`, 'zh'),
    rater: r.contact?.masked ?? ANONYMOUS,
    realName: r.contact ? 1 : 0,
    ratedAt: formatBasic(r.at, timeZone),
    times,
    level: t(`level.${r.level}`, 'zh'),
    levelCode: levelCode(r.level, platform.profile),
    reasons: r.reasons,
    text: r.text ?? '',
    regionCode: platform.regionCode,
    finishedAt: formatBasic(r.finishedAt, timeZone),
    service: category?.name ?? r.categoryId,
    window: window ? `${window.number}号 ${window.name}` : r.windowId,
    staffNumber: config.staff.find((s) => s.id === r.staffId)?.number ?? r.staffId,
  };
}

const isRated = (r: Rating): r is Rating & { level: RatingLevel } => r.level !== 'unrated';

/** 评价次数 of `rating`: how many of `dayRatings` (its service day's) rated the same 办件 up to it. */
export function timesRated(rating: Rating, dayRatings: readonly Rating[], config: HallConfig): number {
  const id = (r: Rating): string => r.caseNumber ?? visitRecordId(r, config);
  const own = id(rating);
  return dayRatings.filter((r) => isRated(r) && id(r) === own && (r.at < rating.at || (r.at === rating.at && r.ticketId <= rating.ticketId))).length;
}

/** The ratings' records in time order; 未评价 visits give none. */
export function nationalRecords(ratings: readonly Rating[], config: HallConfig): NationalRatingRecord[] {
  const rated = ratings.filter(isRated).sort((a, b) => a.at - b.at || a.ticketId.localeCompare(b.ticketId));
  const seen = new Map<string, number>();
  return rated.map((r) => {
    const key = `${dayOf(r)}|${r.caseNumber ?? visitRecordId(r, config)}`;
    const times = (seen.get(key) ?? 0) + 1;
    seen.set(key, times);
    return nationalRecord(r, times, config);
  });
}

export function nationalTable(records: readonly NationalRatingRecord[]): Table {
  return {
    id: 'ratingRecords',
    title: '评价记录 Rating records',
    columns: ['记录编号', '办件编号', '评价渠道', '评价渠道名称', '评价人', '实名评价', '评价时间', '评价次数', '满意度', '满意度代码', '差评原因', '文字评价', '行政区划代码', '办结时间', '事项', '窗口', '工作人员工号'],
    rows: records.map((r) => [
      r.recordId,
      r.caseNumber,
      r.channelCode,
      r.channel,
      r.rater,
      r.realName,
      r.ratedAt,
      r.times,
      r.level,
      r.levelCode,
      r.reasons.join('；'),
      r.text,
      r.regionCode,
      r.finishedAt,
      r.service,
      r.window,
      r.staffNumber,
    ]),
  };
}
