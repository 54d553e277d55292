// The print agent's command line, read in this one place.
import { parseArgs } from 'node:util';

export interface AgentOptions {
  hub: string;
  token: string;
  printer: string;
  baudRate: number;
  pollMs: number;
  statusQueries: boolean;
}

export const AGENT_USAGE = `用法 / usage: npm run agent -- --hub http://HUB:8080 --printer /dev/ttyUSB0 [--baud 9600] --token TOKEN
  --hub URL       大厅服务器地址 / the hub's address
  --printer PATH  本机打印机串口 / this PC's printer port (/dev/ttyUSB0, COM3)
  --baud N        波特率 / baud rate (default 9600)
  --token TOKEN   本代理的设备凭证 / this agent's device token
  --pair CODE     配对码（暂不支持，请用 --token）/ pairing code (not yet: use --token)
  --poll-ms N     查询打印机状态的间隔 / status poll interval (default 5000)
  --no-status     打印机不支持状态查询 (DLE EOT) / the printer does not answer status queries`;

export class AgentOptionsError extends Error {}

export function readAgentOptions(argv: string[]): AgentOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        hub: { type: 'string' },
        printer: { type: 'string' },
        baud: { type: 'string', default: '9600' },
        token: { type: 'string' },
        pair: { type: 'string' },
        'poll-ms': { type: 'string', default: '5000' },
        'no-status': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (err) {
    throw new AgentOptionsError(`${(err as Error).message}\n${AGENT_USAGE}`);
  }
  if (values.help) throw new AgentOptionsError(AGENT_USAGE);
  if (values.pair && !values.token) {
    throw new AgentOptionsError(`配对码暂不支持，请向管理员索取设备凭证并使用 --token / pairing codes are not supported yet; use --token\n${AGENT_USAGE}`);
  }
  const missing = (['hub', 'printer', 'token'] as const).filter((k) => !values[k]);
  if (missing.length) throw new AgentOptionsError(`缺少参数 / missing: ${missing.map((k) => `--${k}`).join(' ')}\n${AGENT_USAGE}`);
  if (!URL.canParse(values.hub!)) throw new AgentOptionsError(`地址无效 / invalid --hub: ${values.hub}\n${AGENT_USAGE}`);
  const baudRate = Number(values.baud);
  const pollMs = Number(values['poll-ms']);
  if (!Number.isInteger(baudRate) || baudRate < 1200) throw new AgentOptionsError(`波特率无效 / invalid --baud: ${values.baud}\n${AGENT_USAGE}`);
  if (!Number.isInteger(pollMs) || pollMs < 200) throw new AgentOptionsError(`间隔无效 / invalid --poll-ms: ${values['poll-ms']}\n${AGENT_USAGE}`);
  return { hub: values.hub!, token: values.token!, printer: values.printer!, baudRate, pollMs, statusQueries: !values['no-status'] };
}
