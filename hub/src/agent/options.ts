// The print agent's command line, read in this one place with the hub's command-line reader.
import path from 'node:path';
import { OptionsError, readCommandLine } from '../config.js';
import { DEFAULT_DATA_DIR, dataFolder } from '../storage/data-folder.js';

export interface AgentOptions {
  hub: string;
  /** Given with --token; otherwise read from tokenFile, where pairing stores it. */
  token?: string;
  tokenFile: string;
  /** Where the agent remembers its print jobs (design.md §6). */
  jobsFile: string;
  /** Pair with a code whenever there is no usable token (none stored, or the stored one refused). */
  pair: boolean;
  printer: string;
  baudRate: number;
  pollMs: number;
  statusQueries: boolean;
}

/** Like the hub's own ./data folder: a token paired once is found again on every start. */
const DEFAULT_TOKEN_FILE = dataFolder(DEFAULT_DATA_DIR).agentToken;
const DEFAULT_JOBS_FILE = dataFolder(DEFAULT_DATA_DIR).agentJobs;

export const AGENT_USAGE = `用法 / usage: npm run agent -- --hub http://HUB:8080 --printer /dev/ttyUSB0 [--baud 9600] [--pair | --token TOKEN]
  --hub URL          大厅服务器地址 / the hub's address
  --printer PATH     本机打印机串口 / this PC's printer port (/dev/ttyUSB0, COM3)
  --baud N           波特率 / baud rate (default 9600)
  --pair             没有可用凭证时显示配对码，在管理台「设备」页输入 / without a usable token, show a code to enter on the console's Devices page
  --token-file PATH  配对所得凭证的存放位置，以后启动直接读取 / where the paired token is kept and read on later starts (default ./${DEFAULT_TOKEN_FILE})
  --token TOKEN      直接使用此设备凭证，不读写凭证文件 / use this device token instead of a token file
  --data DIR         本机数据目录：打印任务记录（及默认凭证文件）/ this PC's data folder: the print job memory (and the default token file)
                     (default: the token file's folder, else ./${DEFAULT_DATA_DIR})
  --poll-ms N        查询打印机状态的间隔 / status poll interval (default 5000)
  --no-status        打印机不支持状态查询 (DLE EOT) / the printer does not answer status queries`;

export function readAgentOptions(argv: string[]): AgentOptions {
  const values = readCommandLine(
    argv,
    {
      hub: { type: 'string' },
      printer: { type: 'string' },
      baud: { type: 'string', default: '9600' },
      token: { type: 'string' },
      'token-file': { type: 'string' },
      data: { type: 'string' },
      pair: { type: 'boolean', default: false },
      'poll-ms': { type: 'string', default: '5000' },
      'no-status': { type: 'boolean', default: false },
    },
    AGENT_USAGE,
  );
  if (values.token !== undefined && (values.pair || values['token-file'] !== undefined)) {
    throw new OptionsError(`--token 不能与 --pair 或 --token-file 同时使用 / --token cannot be combined with --pair or --token-file\n${AGENT_USAGE}`);
  }
  const missing = (['hub', 'printer'] as const).filter((k) => !values[k]);
  if (missing.length) throw new OptionsError(`缺少参数 / missing: ${missing.map((k) => `--${k}`).join(' ')}\n${AGENT_USAGE}`);
  if (!URL.canParse(values.hub!)) throw new OptionsError(`地址无效 / invalid --hub: ${values.hub}\n${AGENT_USAGE}`);
  if (values.token === '' || values['token-file'] === '' || values.data === '') throw new OptionsError(`参数为空 / empty --token, --token-file or --data\n${AGENT_USAGE}`);
  const baudRate = Number(values.baud);
  const pollMs = Number(values['poll-ms']);
  if (!Number.isInteger(baudRate) || baudRate < 1200) throw new OptionsError(`波特率无效 / invalid --baud: ${values.baud}\n${AGENT_USAGE}`);
  if (!Number.isInteger(pollMs) || pollMs < 200) throw new OptionsError(`间隔无效 / invalid --poll-ms: ${values['poll-ms']}\n${AGENT_USAGE}`);
  return {
    hub: values.hub!,
    token: values.token,
    tokenFile: path.resolve(values['token-file'] ?? (values.data ? dataFolder(values.data).agentToken : DEFAULT_TOKEN_FILE)),
    jobsFile: path.resolve(
      values.data ? dataFolder(values.data).agentJobs
      : values['token-file'] ? dataFolder(path.dirname(values['token-file'])).agentJobs
      : DEFAULT_JOBS_FILE,
    ),
    pair: values.pair,
    printer: values.printer!,
    baudRate,
    pollMs,
    statusQueries: !values['no-status'],
  };
}
