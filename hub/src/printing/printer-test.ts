// For hall technicians: print a test slip on a real printer and show what its status bytes say.
//   npm run printer:test -- --path /dev/ttyUSB0 --baud 9600
//   npm run printer:test -- --tcp 192.168.1.50:9100
//   npm run printer:test -- --list
import { PAPER_WIDTHS, PRINTABLE, type PaperWidth } from '@yichuang/shared/printing';
import { t } from '@yichuang/shared/console-i18n';
import { readCommandLine } from '../config.js';
import { describeStatusByte, STATUS_KINDS, statusFrom, statusQuery } from './escpos.js';
import { PrinterLink, serialWire, tcpWire, type Wire } from './printer-link.js';
import { sampleSlip } from './sample-slip.js';
import { listSerialPorts } from './serial-ports.js';
import { slipBytes } from './ticket-layout.js';

const USAGE = `用法 / usage: npm run printer:test -- (--path /dev/ttyUSB0 [--baud 9600] | --tcp HOST:PORT | --list) [--width 58|80] [--status-only]
  --path PATH     串口 / serial port          --baud N     波特率 / baud rate (default 9600)
  --tcp HOST:PORT 网络打印机 / network printer (port 9100)
  --list          列出本机串口 / list this machine's serial ports
  --width 58|80   纸宽 / paper width (default 80)
  --status-only   只查询状态，不打印 / ask the status, print nothing`;

const NAMES: Record<number, string> = { 1: 'printer / 打印机', 2: 'offline cause / 脱机原因', 3: 'error cause / 故障原因', 4: 'paper sensor / 纸传感器' };

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

/** The four status bytes; undefined when the printer does not answer (it is not asked the rest). */
async function statusReport(link: PrinterLink): Promise<number[] | undefined> {
  const answers: number[] = [];
  for (const n of STATUS_KINDS) {
    const b = await link.query(statusQuery(n));
    console.log(`  DLE EOT ${n}  ${NAMES[n]!.padEnd(26)} ${describeStatusByte(n, b)}`);
    if (b === undefined) return undefined;
    answers.push(b);
  }
  return answers;
}

async function main(): Promise<void> {
  let values;
  try {
    values = readCommandLine(
      process.argv.slice(2),
      {
        path: { type: 'string' },
        baud: { type: 'string', default: '9600' },
        tcp: { type: 'string' },
        list: { type: 'boolean', default: false },
        width: { type: 'string', default: '80' },
        'status-only': { type: 'boolean', default: false },
      },
      USAGE,
    );
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  if (values.list) {
    const { ports, degraded } = await listSerialPorts();
    if (degraded) console.log(degraded);
    for (const p of ports) console.log(`  ${p.path}  ${[p.manufacturer, p.vendorId && `${p.vendorId}:${p.productId}`, p.serialNumber].filter(Boolean).join('  ')}`);
    if (!ports.length) console.log('  (没有串口 / no serial ports)');
    return;
  }
  const width = Number(values.width) as PaperWidth;
  if (!PAPER_WIDTHS.includes(width)) fail(`纸宽无效 / invalid --width: ${values.width}`);
  let wire: Wire;
  let where: string;
  if (values.path) {
    const baud = Number(values.baud);
    if (!Number.isInteger(baud) || baud < 1200) fail(`波特率无效 / invalid --baud: ${values.baud}`);
    wire = serialWire(values.path, baud);
    where = `${values.path} @ ${baud}`;
  } else if (values.tcp) {
    const [, host, port] = /^(.+):(\d+)$/.exec(values.tcp) ?? [];
    if (!host || !port) fail(`地址无效 / invalid --tcp: ${values.tcp}`);
    wire = tcpWire(host, Number(port));
    where = values.tcp;
  } else fail('请指定 --path、--tcp 或 --list / give --path, --tcp or --list');

  const link = new PrinterLink(wire);
  try {
    console.log(`${where}: ${t('slip.test', 'zh')} / ${t('slip.test', 'en')}`);
    const before = await statusReport(link);
    const status = before ? statusFrom(before[0], before[1], before[3]) : 'offline';
    console.log(`→ ${status}`);
    if (values['status-only']) process.exitCode = PRINTABLE.includes(status) ? 0 : 1;
    else if (!PRINTABLE.includes(status)) {
      console.log('打印机未就绪，未打印 / printer not ready: nothing printed');
      process.exitCode = 1;
    } else {
      const bytes = slipBytes(sampleSlip({ header: `${t('slip.test', 'zh')} ${new Date().toLocaleString('zh-CN')}` }), { paperWidth: width, qr: true });
      const started = performance.now();
      await link.write(bytes);
      console.log(`已发送 ${bytes.length} 字节，用时 ${Math.round(performance.now() - started)} ms / sent ${bytes.length} bytes`);
      const after = await statusReport(link);
      console.log(`→ ${after ? statusFrom(after[0], after[1], after[3]) : 'offline'}`);
    }
  } catch (err) {
    console.error(`无法连接打印机 / cannot reach the printer: ${(err as Error).message}`);
    process.exitCode = 1;
  } finally {
    await link.close();
  }
}

await main();
