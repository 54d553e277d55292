// The printable evaluation report: the third-party evaluation's items about 预约/取号/叫号, the
// 7×24 self-service zone, 一次一评, 差评 handling, waiting times and volumes, answered from the data.
import { createHash } from 'node:crypto';
import type { HallConfig } from '@yichuang/shared/domain';
import { SELF_SERVICE_ZONE } from '@yichuang/shared/kiosk';
import type { Report, Table } from '@yichuang/shared/reports';
import { formatLocal } from '@yichuang/shared/time';

const MINUTE = 60_000;
const pct = (share: number | null): string => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);
const mins = (ms: number): string => `${(ms / MINUTE).toFixed(1)} 分钟`;
const hrs = (ms: number): string => `${(ms / MINUTE / 60).toFixed(1)} 小时`;
const escape = (s: string): string => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

type Verdict = 'met' | 'not-met' | 'n/a' | 'info';
interface Item {
  item: string;
  result: string;
  basis: string;
  verdict: Verdict;
}

/** A case rate: no cases, none due yet (on-time rates wait for the deadline), or the rate. */
const caseRate = (cases: number, share: number | null): string => (cases === 0 ? '本期无差评' : share === null ? '尚无到期工单' : pct(share));

/** A rate the checklist wants at 100%: met, not met, or not applicable when there was nothing to handle. */
function full(share: number | null): Verdict {
  return share === null ? 'n/a' : share >= 1 ? 'met' : 'not-met';
}

/** 7×24 self-service "actually runs": its terminals were online at least this share of the period. */
export const RUNNING_UPTIME = 0.95;

export function evaluationItems(report: Report, config: HallConfig): Item[] {
  const { total, ratings, cases, appointments: a, uptime } = report;
  const bookable = config.categories.filter((c) => c.allowAppointment);
  const kioskTickets = (report.bySource.kiosk?.issued ?? 0) + (report.bySource.terminal24?.issued ?? 0);
  const zone24 = config.hall.zones.find((z) => z.id === SELF_SERVICE_ZONE);
  const terminals24 = config.devices.filter((d) => d.role === 'kiosk' && d.zone === SELF_SERVICE_ZONE);
  const t24 = uptime.terminals24;
  return [
    {
      item: '提供预约服务',
      result: bookable.length > 0 ? '提供' : '未提供',
      basis:
        `可预约业务 ${bookable.length} 类；本期预约 ${a.booked} 次（改约 ${a.changed} 次，取消 ${a.cancelled} 次）；` +
        `预约在本期的签到 ${a.checkedIn} 人次（其中迟到 ${a.late}），爽约 ${a.noShow} 人次，爽约率 ${pct(a.noShowRate)}`,
      verdict: bookable.length > 0 ? 'met' : 'not-met',
    },
    {
      item: '提供取号服务',
      result: total.issued > 0 ? '提供' : '本期无取号',
      basis: `本期取号 ${total.issued} 张，其中自助取号机/终端 ${kioskTickets} 张；取号机开放时间内在线率 ${pct(uptime.kiosks.uptime)}`,
      verdict: total.issued > 0 ? 'met' : 'not-met',
    },
    {
      item: '提供叫号服务',
      result: total.finished + total.noShow > 0 ? '提供' : '本期无叫号',
      basis: `本期叫号后办结 ${total.finished} 人次，过号 ${total.noShow} 人次`,
      verdict: total.finished + total.noShow > 0 ? 'met' : 'not-met',
    },
    {
      item: '设置7×24小时自助服务区并正常运行',
      result: zone24 ? `已设置：${zone24.name}；终端在线率 ${pct(t24.uptime)}` : '未设置',
      basis: zone24
        ? `自助终端 ${terminals24.length} 台，应在线 ${hrs(t24.dueMs)}，实际在线 ${hrs(t24.upMs)}（全天24小时计，在线率不低于 ${pct(RUNNING_UPTIME)} 为正常运行）；本期24小时终端取号 ${report.bySource.terminal24?.issued ?? 0} 张`
        : '配置中没有24小时自助服务区',
      verdict: zone24 && terminals24.length > 0 && t24.uptime !== null && t24.uptime >= RUNNING_UPTIME ? 'met' : 'not-met',
    },
    {
      item: '一次一评（参评率）',
      result: pct(ratings.participation),
      basis: `办结 ${ratings.visits} 人次，评价 ${ratings.rated} 人次，未评价 ${ratings.unrated} 人次`,
      verdict: 'info',
    },
    {
      item: '满意率 / 好评率',
      result: `${pct(ratings.satisfaction)} / ${pct(ratings.goodRate)}`,
      basis: `非常满意 ${ratings.levels['very-satisfied']}，满意 ${ratings.levels.satisfied}，基本满意 ${ratings.levels.basic}，不满意 ${ratings.levels.dissatisfied}，非常不满意 ${ratings.levels['very-dissatisfied']}`,
      verdict: 'info',
    },
    { item: '差评核实率（应为100%）', result: caseRate(cases.cases, cases.verification), basis: `差评工单 ${cases.cases} 件，未办结 ${cases.open} 件，超期 ${cases.overdue} 件（已核实、已办结或已过核实期限的计入）`, verdict: full(cases.verification) },
    { item: '差评按期整改率（应为100%）', result: caseRate(cases.cases, cases.rectificationOnTime), basis: '经核实属实的差评按期完成整改的比例（已办结或已过整改期限的计入）', verdict: full(cases.rectificationOnTime) },
    { item: '差评回访率（应为100%）', result: caseRate(cases.cases, cases.followUp), basis: '差评完成回访的比例（已办结或已过回访期限的计入）', verdict: full(cases.followUp) },
    { item: '实名差评按期整改率', result: caseRate(cases.cases, cases.realNameRectificationOnTime), basis: '留有联系方式的属实差评按期整改的比例（已办结或已过整改期限的计入）', verdict: full(cases.realNameRectificationOnTime) },
    {
      item: '等候时间',
      result: total.wait.n === 0 ? '本期无叫号' : `平均 ${mins(total.wait.mean)}，90% 不超过 ${mins(total.wait.p90)}`,
      basis:
        (total.wait.n === 0 ? '' : `最长 ${mins(total.wait.max)}；超过 ${report.thresholdMs / MINUTE} 分钟的占 ${pct(total.wait.overThreshold)}；`) +
        (total.uncalledWait.n === 0 ? '无未叫号等候' : `未叫号 ${total.uncalledWait.n} 人，已等平均 ${mins(total.uncalledWait.mean)}、最长 ${mins(total.uncalledWait.max)}（不计入上述等候）`),
      verdict: 'info',
    },
    {
      item: '“一窗”分类受理率',
      result: pct(report.oneWindow.rate),
      basis: `综合窗口受理 ${report.oneWindow.atComprehensive} 件，受理总数 ${report.oneWindow.intake} 件（受理 = 办结但不含咨询；按办结窗口计）`,
      verdict: 'info',
    },
    {
      item: '办件量',
      result: `取号 ${total.issued} 张，办结 ${total.finished} 人次`,
      basis: `即办率 ${pct(total.doneShare)}；平均办理 ${mins(total.service.mean)}；窗口利用率 ${pct(report.windowTotal.utilisation)}`,
      verdict: 'info',
    },
  ];
}

const VERDICT_TEXT: Record<Verdict, string> = { met: '符合', 'not-met': '不符合', 'n/a': '不适用', info: '—' };

/** A table heading, or a cell that has one, without its English half ("平均等候(分) Wait mean" → "平均等候(分)"). */
const chinese = (label: string): string => label.replace(/\s+[\x20-\x7e]*$/, '');

/**
 * The annex: the tables an evaluator reads, each cut to the columns that fit A4 portrait beside each
 * other (all of them when none are listed). Columns are named by their Chinese heading.
 */
const ANNEX: ReadonlyArray<{ id: string; columns?: readonly string[] }> = [
  { id: 'byCategory', columns: ['业务', '取号', '办结', '过号', '平均等候(分)', '最长等候(分)', '未叫号', '未叫号平均已等(分)', '平均办理(分)', '即办率%'] },
  { id: 'byWindow', columns: ['窗口', '取号', '办结', '过号', '平均等候(分)', '最长等候(分)', '平均办理(分)', '即办率%', '利用率%'] },
  { id: 'ratingsByWindow' },
  { id: 'appointmentsByCategory' },
  { id: 'uptime' },
];

function tableHtml(t: Table, columns?: readonly string[]): string {
  const names = t.columns.map(chinese);
  const keep = columns ? columns.map((c) => names.indexOf(c)).filter((i) => i >= 0) : names.map((_, i) => i);
  const head = keep.map((i) => `<th>${escape(names[i]!)}</th>`).join('');
  const cell = (c: Table['rows'][number][number]): string => (typeof c === 'number' ? `<td class="n">${c}</td>` : `<td>${escape(chinese(String(c)))}</td>`);
  const rows = t.rows.map((r) => `<tr>${keep.map((i) => cell(r[i]!)).join('')}</tr>`).join('');
  return `<h2>${escape(chinese(t.title))}</h2><table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** The print button's script: the page's policy allows it by this hash (evaluationPageCsp), no other inline script. */
const PRINT_SCRIPT = "document.getElementById('print').addEventListener('click', () => print());";
export const PRINT_SCRIPT_HASH = `'sha256-${createHash('sha256').update(PRINT_SCRIPT).digest('base64')}'`;

/** The report's page: A4 portrait (186 mm wide between 12 mm margins), on screen as on paper. */
export function evaluationReportHtml(report: Report, config: HallConfig, tables: readonly Table[], generatedAt: number): string {
  const items = evaluationItems(report, config)
    .map((i) => `<tr class="${i.verdict}"><td>${escape(i.item)}</td><td>${escape(i.result)}</td><td>${escape(i.basis)}</td><td>${VERDICT_TEXT[i.verdict]}</td></tr>`)
    .join('');
  const annex = ANNEX.flatMap(({ id, columns }) => {
    const table = tables.find((t) => t.id === id);
    return table ? [tableHtml(table, columns)] : [];
  }).join('');
  const title = `${config.hall.name} 政务服务评价指标报告`;
  const pdf = `evaluation.pdf?from=${report.from}&to=${report.to}&thresholdMin=${report.thresholdMs / MINUTE}`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(title)}</title><style>
@page{size:A4 portrait;margin:12mm}
*{box-sizing:border-box}
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0 auto;padding:12mm 0;max-width:186mm;color:#111;font-size:10pt}
h1{font-size:15pt;margin:0 0 .3rem}h2{font-size:11pt;margin:1.2rem 0 .4rem}
.meta{color:#444;margin-bottom:.8rem}
.tools{display:flex;gap:.75rem;margin-bottom:.8rem}
.tools button,.tools a{min-height:44px;min-width:88px;padding:0 1rem;font:inherit;font-size:11pt;border:1px solid #888;border-radius:6px;background:#f4f4f4;color:#111;display:inline-flex;align-items:center;justify-content:center;text-decoration:none;cursor:pointer}
table{border-collapse:collapse;width:100%;table-layout:auto;font-size:8.5pt}
th,td{border:1px solid #999;padding:.25rem .3rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#eee;font-weight:600}
td.n{text-align:right;white-space:nowrap}
table[data-testid=items] td:nth-child(1){width:24%}table[data-testid=items] td:nth-child(4){width:8%;white-space:nowrap}
tr.not-met td:last-child{color:#b00;font-weight:bold}tr.met td:last-child{color:#060}
@media print{body{padding:0;max-width:none}.tools{display:none}h2{break-after:avoid}table{break-inside:auto}tr{break-inside:avoid}thead{display:table-header-group}}
</style></head><body>
<div class="tools"><button type="button" id="print">打印</button><a href="${escape(pdf)}" download>下载 PDF</a></div>
<h1>${escape(title)}</h1>
<div class="meta">统计期间：${escape(report.from)} 至 ${escape(report.to)}（有数据 ${report.days.length} 天） · 地址：${escape(config.hall.address)} · 生成时间：${escape(formatLocal(generatedAt, config.hall.timeZone))}</div>
<h2>评价项目</h2>
<table data-testid="items"><thead><tr><th>评价项目</th><th>结果</th><th>依据</th><th>结论</th></tr></thead><tbody>${items}</tbody></table>
${annex}
<script>${PRINT_SCRIPT}</script>
</body></html>`;
}
