// One table model for every way a report leaves the hub: the console page, CSV and XLSX.
// Headings are Chinese with English; durations in minutes (1 decimal); shares in percent (1 decimal).
import { stringify } from 'csv-stringify/sync';
import type { HallConfig } from '@yichuang/shared/domain';
import { t } from '@yichuang/shared/console-i18n';
import { RATING_LEVELS } from '@yichuang/shared/ratings';
import { WAIT_BUCKETS_MIN, type AppointmentFigures, type Cell, type DurationStats, type RatingFigures, type Report, type Table, type TicketFigures } from '@yichuang/shared/reports';
import { comparisonTable } from './comparison.js';
import { rankingTable } from './rankings.js';

const MINUTE = 60_000;
const minutes = (ms: number): number => Math.round((ms / MINUTE) * 10) / 10;
const hours = (ms: number): number => Math.round((ms / MINUTE / 60) * 10) / 10;
const percent = (share: number): number => Math.round(share * 1000) / 10;
/** A rate whose base may be empty: '—' rather than a made-up 0% or 100%. */
const percentOrDash = (share: number | null): Cell => (share === null ? '—' : percent(share));
/** A duration figure of no values at all (nobody was called): '—', never a wait of 0. */
const minutesOf = (d: DurationStats, ms: number): Cell => (d.n === 0 ? '—' : minutes(ms));

/** The national names of the five levels, as every screen shows them. */
const LEVEL_NAMES = RATING_LEVELS.map((l) => t(`level.${l}`, 'zh'));
export const RATING_COLUMNS = ['办结人次 Visits', '评价 Rated', '未评价 Unrated', '参评率% Participation', ...LEVEL_NAMES, '满意率% Satisfied', '好评率% Good'];

export function ratingCells(f: RatingFigures): Cell[] {
  return [
    f.visits,
    f.rated,
    f.unrated,
    percentOrDash(f.participation),
    ...RATING_LEVELS.map((l) => f.levels[l]),
    percentOrDash(f.satisfaction),
    percentOrDash(f.goodRate),
  ];
}

const FIGURE_COLUMNS = [
  '取号 Issued',
  '办结 Finished',
  '过号 No-show',
  '取消 Cancelled',
  '转移 Transfers',
  '平均等候(分) Wait mean',
  '等候P50(分) Wait p50',
  '等候P90(分) Wait p90',
  '最长等候(分) Wait max',
  '超时占比% Over threshold',
  '未叫号 Not called',
  '未叫号平均已等(分) Not called, wait so far',
  '未叫号最长已等(分) Not called, longest',
  '平均办理(分) Service mean',
  '办理P90(分) Service p90',
  '平均停留(分) Stay mean',
  '即办率% Done share',
  '过号率% No-show rate',
];

function figureCells(f: TicketFigures): Cell[] {
  return [
    f.issued,
    f.finished,
    f.noShow,
    f.cancelled,
    f.transfers,
    minutesOf(f.wait, f.wait.mean),
    minutesOf(f.wait, f.wait.p50),
    minutesOf(f.wait, f.wait.p90),
    minutesOf(f.wait, f.wait.max),
    f.wait.n === 0 ? '—' : percent(f.wait.overThreshold),
    f.uncalledWait.n,
    minutesOf(f.uncalledWait, f.uncalledWait.mean),
    minutesOf(f.uncalledWait, f.uncalledWait.max),
    minutes(f.service.mean),
    minutes(f.service.p90),
    minutes(f.stay.mean),
    percent(f.doneShare),
    percent(f.noShowRate),
  ];
}

const APPOINTMENT_COLUMNS = ['预约 Booked', '改约 Changed', '取消 Cancelled', '签到 Checked in', '迟到签到 Late', '爽约后签到 After no-show', '爽约 No-show', '爽约率% No-show rate'];

function appointmentCells(f: AppointmentFigures): Cell[] {
  return [f.booked, f.changed, f.cancelled, f.checkedIn, f.late, f.afterNoShow, f.noShow, percentOrDash(f.noShowRate)];
}

const SOURCE_NAMES: Record<string, string> = { kiosk: '取号机', appointment: '预约签到', staff: '窗口代取', terminal24: '24小时自助终端', phone: '手机' };
const PRIORITY_NAMES: Record<string, string> = { normal: '普通', appointment: '预约', green: '绿色通道' };

/** The report's tables; with `previous` (the period before, previousPeriod) also its 环比 comparison. */
export function reportTables(report: Report, config: HallConfig, previous?: Report): Table[] {
  const category = (id: string): string => {
    const c = config.categories.find((x) => x.id === id);
    return c ? `${c.prefix} ${c.name}` : id;
  };
  const window = (id: string): string => {
    const w = config.windows.find((x) => x.id === id);
    return w ? `${w.number}号 ${w.name}` : id;
  };
  const staff = (id: string): string => {
    const s = config.staff.find((x) => x.id === id);
    return s ? `${s.name}（${s.number}）` : id;
  };
  const kiosk = (id: string): string => config.devices.find((d) => d.id === id)?.name ?? id;
  const appointmentTable = (id: string, title: string, label: string, groups: Record<string, AppointmentFigures>, name: (k: string) => string): Table => ({
    id,
    title,
    columns: [label, ...APPOINTMENT_COLUMNS],
    rows: Object.entries(groups).map(([k, f]) => [name(k), ...appointmentCells(f)]),
  });
  const grouped = (id: string, title: string, label: string, groups: Record<string, TicketFigures>, name: (k: string) => string): Table => ({
    id,
    title,
    columns: [label, ...FIGURE_COLUMNS],
    rows: Object.entries(groups).map(([k, f]) => [name(k), ...figureCells(f)]),
  });
  const ratingTable = (id: string, title: string, label: string, groups: Record<string, RatingFigures>, name: (k: string) => string): Table => ({
    id,
    title,
    columns: [label, ...RATING_COLUMNS],
    rows: Object.entries(groups).map(([k, f]) => [name(k), ...ratingCells(f)]),
  });
  const t = report.total;
  const r = report.ratings;
  const c = report.cases;
  const a = report.appointments;
  const u = report.uptime;
  const threshold = minutes(report.thresholdMs);

  return [
    {
      id: 'summary',
      title: '汇总 Summary',
      columns: ['指标 Metric', '数值 Value'],
      rows: [
        ['统计期间 Period', `${report.from} – ${report.to}`],
        ['有数据天数 Days with data', report.days.length],
        ['取号量 Tickets issued', t.issued],
        ['办结量 Finished', t.finished],
        ['过号 No-shows', t.noShow],
        ['取消 Cancelled', t.cancelled],
        ['转移 Transfers', t.transfers],
        ['平均等候(分) Mean wait (min)', minutesOf(t.wait, t.wait.mean)],
        ['等候P50(分) Wait p50 (min)', minutesOf(t.wait, t.wait.p50)],
        ['等候P90(分) Wait p90 (min)', minutesOf(t.wait, t.wait.p90)],
        ['最长等候(分) Longest wait (min)', minutesOf(t.wait, t.wait.max)],
        [`等候超过${threshold}分钟占比% Waits over ${threshold} min (%)`, t.wait.n === 0 ? '—' : percent(t.wait.overThreshold)],
        ['未叫号人数 Never called, still waiting', t.uncalledWait.n],
        ['未叫号平均已等(分) Never called: mean wait so far (min)', minutesOf(t.uncalledWait, t.uncalledWait.mean)],
        ['未叫号最长已等(分) Never called: longest wait so far (min)', minutesOf(t.uncalledWait, t.uncalledWait.max)],
        ['平均走到窗口(分) Mean walk (min)', minutes(t.walk.mean)],
        ['平均办理(分) Mean service (min)', minutes(t.service.mean)],
        ['平均停留(分) Mean stay (min)', minutes(t.stay.mean)],
        ['即办率% Done-on-the-spot share', percent(t.doneShare)],
        ['"一窗"分类受理率% One-window intake share', percentOrDash(report.oneWindow.rate)],
        ['综合窗口受理 / 受理总数 Intake at comprehensive windows / all intake', `${report.oneWindow.atComprehensive} / ${report.oneWindow.intake}`],
        ['过号率% No-show rate', percent(t.noShowRate)],
        ['窗口利用率% Window utilisation', percent(report.windowTotal.utilisation)],
        ['预约 Bookings made', a.booked],
        ['改约 Bookings changed', a.changed],
        ['取消预约 Bookings cancelled', a.cancelled],
        ['预约签到 Appointments checked in', a.checkedIn],
        ['其中迟到签到 of which late', a.late],
        ['预约爽约 Appointment no-shows', a.noShow],
        ['预约爽约率% Appointment no-show rate', percentOrDash(a.noShowRate)],
        ['取号机在线率% Kiosk uptime (opening hours)', percentOrDash(u.kiosks.uptime)],
        ['24小时自助终端在线率% 24-hour terminal uptime (7×24)', percentOrDash(u.terminals24.uptime)],
      ],
    },
    ...(previous ? [comparisonTable(report, previous)] : []),
    rankingTable('rankWindows', '窗口排名 Window ranking', '窗口 Window', report.byWindow, report.ratingsByWindow, window),
    rankingTable('rankStaff', '人员排名 Staff ranking', '工作人员 Staff', report.byStaff, report.ratingsByStaff, staff),
    grouped('byDay', '按日 By day', '日期 Day', report.byDay, (d) => d),
    grouped('byCategory', '按业务 By service', '业务 Service', report.byCategory, category),
    {
      id: 'byWindow',
      title: '按窗口 By window',
      columns: ['窗口 Window', ...FIGURE_COLUMNS, '开放(分) Open', '办理(分) Serving', '利用率% Utilisation', '暂停(分) Paused'],
      rows: Object.entries(report.byWindow).map(([id, f]) => [
        window(id),
        ...figureCells(f),
        minutes(f.time.openMs),
        minutes(f.time.servingMs),
        percent(f.time.utilisation),
        minutes(Object.values(f.time.pauseMs).reduce((a, b) => a + b, 0)),
      ]),
    },
    grouped('byStaff', '按人员 By staff', '工作人员 Staff', report.byStaff, staff),
    grouped('bySource', '按来源 By source', '来源 Source', report.bySource, (s) => SOURCE_NAMES[s] ?? s),
    grouped('byPriority', '按优先级 By priority', '类别 Class', report.byPriority, (p) => PRIORITY_NAMES[p] ?? p),
    {
      id: 'ratings',
      title: '好差评 Ratings',
      columns: ['指标 Metric', '数值 Value'],
      rows: [
        ['办结人次 Finished visits', r.visits],
        ['评价人次 Rated', r.rated],
        ['未评价 Not rated', r.unrated],
        ['参评率% Participation (一次一评)', percentOrDash(r.participation)],
        ...RATING_LEVELS.map((l, i): Cell[] => [LEVEL_NAMES[i]!, r.levels[l]]),
        ['满意率% (非常满意+满意)', percentOrDash(r.satisfaction)],
        ['好评率% (除不满意、非常不满意)', percentOrDash(r.goodRate)],
        ['差评工单 Bad-rating cases', c.cases],
        ['未办结工单 Open cases', c.open],
        ['超期工单 Overdue cases', c.overdue],
        ['差评核实率% Verified', percentOrDash(c.verification)],
        ['差评按期整改率% Rectified on time', percentOrDash(c.rectificationOnTime)],
        ['差评回访率% Followed up', percentOrDash(c.followUp)],
        ['实名差评按期整改率% Real-name rectified on time', percentOrDash(c.realNameRectificationOnTime)],
      ],
    },
    ratingTable('ratingsByWindow', '各窗口评价 Ratings by window', '窗口 Window', report.ratingsByWindow, window),
    ratingTable('ratingsByStaff', '各人员评价 Ratings by staff', '工作人员 Staff', report.ratingsByStaff, staff),
    appointmentTable('appointmentsByCategory', '按业务预约 Appointments by service', '业务 Service', report.appointmentsByCategory, category),
    appointmentTable('appointmentsByDay', '按日预约 Appointments by day', '日期 Day', report.appointmentsByDay, (d) => d),
    {
      id: 'uptime',
      title: '终端在线率 Kiosk uptime',
      columns: ['终端 Kiosk', '类型 Kind', '应在线(时) Due (h)', '在线(时) Online (h)', '在线率% Uptime'],
      rows: Object.entries(u.byKiosk).map(([id, k]) => [kiosk(id), k.allDay ? '24小时自助终端 24-hour terminal' : '取号机 Kiosk', hours(k.dueMs), hours(k.upMs), percentOrDash(k.uptime)]),
    },
    {
      id: 'byHour',
      title: '按小时取号量 Tickets by hour',
      columns: ['时段 Hour', '取号 Issued'],
      rows: report.issuedByHour.map((n, h) => [`${String(h).padStart(2, '0')}:00`, n] as Cell[]).filter((r) => r[1] !== 0),
    },
    {
      id: 'waitDistribution',
      title: '等候时长分布 Wait distribution',
      columns: ['等候时长 Wait', '人数 Tickets'],
      rows: report.waitDistribution.map((n, i) => {
        const lo = i === 0 ? 0 : WAIT_BUCKETS_MIN[i - 1];
        const hi = WAIT_BUCKETS_MIN[i];
        return [hi === undefined ? `> ${lo} 分钟` : `${lo}–${hi} 分钟`, n];
      }),
    },
  ];
}

/**
 * RFC 4180 CSV with a BOM and CRLF, so Excel opens the Chinese text correctly. Text cells that a
 * spreadsheet would read as a formula (= + - @ tab CR, and their full-width forms) get a leading
 * quote (OWASP CSV injection); figures stay numbers, negative ones included. csv-stringify quotes a
 * lone CR or LF only when told to once a record delimiter is set.
 */
export function tableCsv(table: Table): string {
  return stringify([table.columns, ...table.rows], { bom: true, record_delimiter: 'windows', quote_record_delimiter: true, escape_formulas: true });
}
