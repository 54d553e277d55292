// Entry point of the print agent (npm run agent -- --hub … --printer … --pair | --token …).
// With --pair it pairs by a code whenever it has no usable token, keeps the token in its token file,
// and on later starts reads it from there.
import { OptionsError } from '../config.js';
import { DevicePrinter } from '../printing/device-printer.js';
import { PrinterLink, serialWire } from '../printing/printer-link.js';
import { JobMemory } from './job-memory.js';
import { readAgentOptions, type AgentOptions } from './options.js';
import { pairAgent, PairingRefused } from './pairing.js';
import { PrintAgent } from './print-agent.js';
import { TokenFile, TokenFileError } from './token-file.js';

const log = (line: string): void => console.error(`[agent] ${line}`);
const stopping = new AbortController();
let agent: PrintAgent | undefined;

async function run(options: AgentOptions, printer: DevicePrinter): Promise<void> {
  const file = new TokenFile(options.tokenFile);
  const jobs = await JobMemory.open(options.jobsFile).catch((err: unknown) => {
    throw new JobFileError(`无法读取打印任务记录 / cannot read the print job memory ${options.jobsFile}: ${(err as Error).message}`);
  });
  for (;;) {
    const token = options.token ?? (await stored(file)) ?? (await pair(options, file));
    // Resolves when the hub refused the stored token and this agent may pair again.
    await new Promise<void>((repair) => {
      const refused =
        options.token ? undefined
        : options.pair ? repair
        : () => log(`凭证文件 ${file.path} 中的凭证不被接受，如已撤销请加 --pair 重新配对 / the token in ${file.path} was refused; if it was revoked, run with --pair to pair again`);
      agent = new PrintAgent(options, printer, jobs, token, log, refused);
      agent.start();
    });
    agent?.stop();
    agent = undefined;
    await file.forget();
    log(`已删除失效的凭证，重新配对 / dropped the refused token; pairing again`);
  }
}

async function stored(file: TokenFile): Promise<string | undefined> {
  const token = await file.read();
  if (token && (await file.readableByOthers())) log(`凭证文件 ${file.path} 其他用户可读，请执行 chmod 600 / the token file ${file.path} is readable by others: chmod 600 it`);
  if (token) log(`使用凭证文件 / using the token in ${file.path}`);
  return token;
}

async function pair(options: AgentOptions, file: TokenFile): Promise<string> {
  if (!options.pair) {
    throw new OptionsError(`没有设备凭证：${file.path} 不存在，首次运行请加 --pair 配对 / no device token: ${file.path} does not exist; run once with --pair to pair this agent`);
  }
  await file.checkWritable();
  const token = await pairAgent(options.hub, { show: (line) => console.log(line), log }, stopping.signal);
  await file.write(token);
  log(`配对成功，凭证已保存到 / paired; token saved to ${file.path}`);
  return token;
}

/** The job memory cannot be read: without it a restart could print a slip twice. */
class JobFileError extends Error {}

let options: AgentOptions;
try {
  options = readAgentOptions(process.argv.slice(2));
} catch (err) {
  console.error(err instanceof OptionsError ? err.message : err);
  process.exit(2);
}
const printer = new DevicePrinter(new PrinterLink(serialWire(options.printer, options.baudRate)), { statusQueries: options.statusQueries, retries: 1 });
const stop = (): void => {
  stopping.abort();
  agent?.stop();
  printer.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
run(options, printer).catch((err: unknown) => {
  if (stopping.signal.aborted) return;
  const known = err instanceof OptionsError || err instanceof PairingRefused || err instanceof TokenFileError || err instanceof JobFileError;
  console.error(known ? err.message : err);
  process.exit(err instanceof OptionsError ? 2 : 1);
});
