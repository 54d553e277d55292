// 请工作人员帮助: a citizen at a kiosk asks for staff. The request is recorded (help/YYYY-MM-DD.jsonl)
// before it is acknowledged, then raised as an alert for the managers' live board and sent to the
// 帮办代办 windows, whose staff walk over.
import { randomUUID } from 'node:crypto';
import type { Device, HallConfig } from '@yichuang/shared/domain';
import { appError, type Ack } from '@yichuang/shared/errors';
import type { HelpRequested } from '@yichuang/shared/kiosk';
import type { HubBus } from '../hall/hub-bus.js';
import type { DayFiles } from '../storage/day-files.js';

export interface HelpServiceDeps {
  files: DayFiles<HelpRequested>;
  config: () => HallConfig;
  bus: HubBus;
  clock: () => number;
  log: (line: string) => void;
  /** Sends the request to these windows' rooms. */
  notifyWindows: (windowIds: string[], request: HelpRequested) => void;
}

export class HelpService {
  constructor(private readonly deps: HelpServiceDeps) {}

  async request(device: Device, input: { assisted: boolean; ticketNumber?: string }): Promise<Ack<HelpRequested>> {
    const config = this.deps.config();
    const zone = config.hall.zones.find((z) => z.id === device.zone);
    const request: HelpRequested = {
      id: randomUUID(),
      at: this.deps.clock(),
      deviceId: device.id,
      kioskName: device.name,
      zoneName: zone?.name,
      assisted: input.assisted,
      ticketNumber: input.ticketNumber,
    };
    try {
      await this.deps.files.append([request]);
    } catch (err) {
      this.deps.log(`help request at ${device.id} not recorded: ${(err as Error).message}`);
      return { ok: false, error: appError('STORAGE_FAILED') };
    }
    const where = zone ? `${zone.name}·${device.name}` : device.name;
    const whereEn = zone ? `${zone.nameEn}, ${device.id}` : device.id;
    const who = input.assisted ? '老年人（长者模式）' : '群众';
    this.deps.bus.emit('alert:raise', {
      kind: 'help-request',
      // One open alert per kiosk: pressing again refreshes it instead of piling up.
      key: `help:${device.id}`,
      message: `${where}有${who}请求工作人员帮助${input.ticketNumber ? `（号码 ${input.ticketNumber}）` : ''}`,
      messageEn: `Help requested at ${whereEn}${input.assisted ? ' (assisted mode)' : ''}${input.ticketNumber ? `, ticket ${input.ticketNumber}` : ''}`,
      deviceId: device.id,
      ticketNumber: input.ticketNumber,
    });
    this.deps.notifyWindows(
      config.windows.filter((w) => w.kind === 'assist').map((w) => w.id),
      request,
    );
    return { ok: true, data: request };
  }

  close(): Promise<void> {
    return this.deps.files.close();
  }
}
