// `npm run journal:check -- [--data DIR] [--repair]`: checks every day file of the journal and says
// what it finds in Chinese and English: lines that are not records (a corrupt line stops the hub at
// start), a last line cut short by a crash, seqs out of order or missing. Checking only reads, and is
// safe while the hub runs. --repair (with the hub stopped) sets each bad line aside in a file of its
// own under journal-damaged/ and keeps the rest of the day. Exit 1 while damage is left.
import { DATA_USAGE, readToolOptions } from '../config.js';
import { dataFolder } from '../storage/data-folder.js';
import { checkJournal, repairDay, type BadLine, type DayCheck } from '../storage/journal-check.js';

const USAGE = `用法 / usage: npm run journal:check -- [--data DIR] [--repair]
${DATA_USAGE}
  --repair         先停止 hub：损坏的行另存到 journal-damaged/，其余记录保留 / with the hub stopped: set bad lines aside in journal-damaged/ and keep the rest`;

const plural = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

const between = (b: BadLine): { zh: string; en: string } =>
  b.after !== undefined && b.before !== undefined ? { zh: `，位于 seq ${b.after} 与 ${b.before} 之间`, en: `, between seq ${b.after} and ${b.before}` }
  : b.after !== undefined ? { zh: `，在 seq ${b.after} 之后`, en: `, after seq ${b.after}` }
  : b.before !== undefined ? { zh: `，在 seq ${b.before} 之前`, en: `, before seq ${b.before}` }
  : { zh: '', en: '' };

function describe(day: DayCheck, name: string): string[] {
  if (day.records === 0 && day.bad.length === 0) return [`${name}：空文件，没有记录（hub 从之前有记录的一天启动）/ empty, no records (the hub starts from the last day with records)`];
  const lines = [`${name}：${day.records} 条记录，seq ${day.firstSeq ?? '-'}–${day.lastSeq ?? '-'} / ${day.records} records, seq ${day.firstSeq ?? '-'}–${day.lastSeq ?? '-'}`];
  for (const b of day.bad) {
    const at = between(b);
    lines.push(
      b.last
        ? `${name}：第 ${b.line} 行不完整（崩溃时写了一半，从未确认；第 ${b.byte} 字节起，${b.length} 字节）/ line ${b.line} is incomplete (cut short by a crash, never acknowledged; ${b.length} bytes from byte ${b.byte})`
        : `${name}：第 ${b.line} 行已损坏（第 ${b.byte} 字节起，${b.length} 字节${at.zh}）/ line ${b.line} is corrupt (${b.length} bytes from byte ${b.byte}${at.en})`,
    );
  }
  return lines;
}

async function main(): Promise<void> {
  const { dataDir, values } = readToolOptions(process.argv.slice(2), process.env, { repair: { type: 'boolean' } }, USAGE);
  const check = await checkJournal(dataDir);
  const aside = dataFolder(dataDir).journalDamaged;
  console.log(`日志检查 / journal check: ${check.dir}（${check.days.length} 个文件 / ${plural(check.days.length, 'file')}）`);
  for (const day of check.days) for (const line of describe(day, `${day.day}.jsonl`)) console.log(`  ${line}`);
  for (const f of check.outOfOrder) {
    console.log(`  ${f.day}.jsonl：第 ${f.line} 行 seq ${f.seq} 不大于前一条的 ${f.previous}，无法自动修复 / line ${f.line}: seq ${f.seq} is not above the one before (${f.previous}); this cannot be repaired here`);
  }
  for (const g of check.gaps) console.log(`  ${g.day}.jsonl：seq ${g.after} 与 ${g.before} 之间缺少记录 / records missing between seq ${g.after} and ${g.before}`);

  const damaged = check.days.filter((d) => d.bad.length > 0);
  const corrupt = damaged.flatMap((d) => d.bad).filter((b) => !b.last).length;
  if (values.repair) {
    for (const day of damaged) {
      for (const file of await repairDay(dataDir, day.day)) console.log(`  已另存 / set aside: ${file}`);
    }
    console.log(`已修复 ${damaged.length} 个文件，其余记录保留 / ${plural(damaged.length, 'file')} repaired, the rest of their records kept`);
  } else if (corrupt > 0) {
    console.log(
      `发现 ${corrupt} 行损坏。请先停止 hub，再加 --repair 运行：损坏的行另存到 ${aside}，其余记录保留。` +
        ` / ${plural(corrupt, 'corrupt line')} found. Stop the hub, then run again with --repair: bad lines are set aside in ${aside} and the rest kept.`,
    );
  } else if (check.outOfOrder.length === 0) {
    console.log('未发现损坏 / no damage found');
  }
  if (check.outOfOrder.length > 0 || (!values.repair && corrupt > 0)) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(`日志检查失败 / journal check failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
