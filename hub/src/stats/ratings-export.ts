// Ratings as records with the national 好差评 fields, for a provincial platform (JSON and CSV).
// Phones stay masked: the hub never keeps a full number.
import type { HallConfig } from '@yichuang/shared/domain';
import { t } from '@yichuang/shared/console-i18n';
import type { Rating } from '@yichuang/shared/ratings';
import type { Table } from '@yichuang/shared/reports';

const CHANNEL_NAMES: Record<Rating['channel'], string> = {
  pad: '政务服务大厅窗口评价器',
  kiosk: '政务服务大厅自助终端',
  phone: '移动端（取号单二维码）',
};

export interface NationalRatingRecord {
  /** 办件编号 */
  caseNumber: string;
  /** 评价渠道 */
  channel: string;
  /** 评价时间, ISO 8601 with the hall's offset. */
  ratedAt: string;
  /** 办结时间 */
  finishedAt: string;
  /** 满意度 */
  level: string;
  /** 满意度代码: 5 非常满意 … 1 非常不满意; absent when 未评价. */
  levelCode: number | null;
  /** 差评原因 */
  reasons: string[];
  /** 文字评价 */
  text: string;
  /** 事项 / 业务类别 */
  service: string;
  /** 窗口 */
  window: string;
  /** 工作人员工号 */
  staffNumber: string;
  /** 实名评价联系方式 (masked) */
  contact: string;
}

/** Asia/Shanghai has kept +08:00 since 1991: a fixed offset is exact for every date the hub records. */
function isoInHall(at: number): string {
  return new Date(at + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
}

export function nationalRecords(ratings: readonly Rating[], config: HallConfig): NationalRatingRecord[] {
  return ratings.map((r) => {
    const category = config.categories.find((c) => c.id === r.categoryId);
    const window = config.windows.find((w) => w.id === r.windowId);
    return {
      caseNumber: r.ticketId,
      channel: CHANNEL_NAMES[r.channel],
      ratedAt: isoInHall(r.at),
      finishedAt: isoInHall(r.finishedAt),
      level: t(`level.${r.level}`, 'zh'),
      levelCode: r.code ?? null,
      reasons: r.reasons,
      text: r.text ?? '',
      service: category?.name ?? r.categoryId,
      window: window ? `${window.number}号 ${window.name}` : r.windowId,
      staffNumber: config.staff.find((s) => s.id === r.staffId)?.number ?? r.staffId,
      contact: r.contact?.masked ?? '',
    };
  });
}

export function nationalTable(records: readonly NationalRatingRecord[]): Table {
  return {
    id: 'ratingRecords',
    title: '评价记录 Rating records',
    columns: ['办件编号', '评价渠道', '评价时间', '办结时间', '满意度', '满意度代码', '差评原因', '文字评价', '事项', '窗口', '工作人员工号', '联系方式'],
    rows: records.map((r) => [
      r.caseNumber,
      r.channel,
      r.ratedAt,
      r.finishedAt,
      r.level,
      r.levelCode ?? '',
      r.reasons.join('；'),
      r.text,
      r.service,
      r.window,
      r.staffNumber,
      r.contact,
    ]),
  };
}
