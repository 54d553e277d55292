// The devices page's state: paired devices (online or not, demo or not) and open pairing requests,
// asked for whenever the connection becomes live and then kept by 'device:listChanged'.
import type { DeviceList } from '@yichuang/shared/admin';
import type { Ack, AppError } from '@yichuang/shared/errors';
import type { ClientError, CommandInput } from '@yichuang/shared/hall-sync';
import type { Hall } from '@yichuang/shared/ui/hall.svelte';

type DeviceCommand = 'device:approve' | 'device:revoke' | 'device:revokeDemo';

export class DevicesState {
  list = $state.raw<DeviceList | null>(null);
  error = $state.raw<AppError | ClientError | null>(null);
  busy = $state(false);
  readonly #offs: (() => void)[] = [];

  constructor(private readonly hall: Hall) {
    const sync = hall.sync;
    if (!sync) return;
    const socket = sync.domainSocket;
    const onList = (list: DeviceList): void => void (this.list = list);
    socket.on('device:listChanged', onList);
    this.#offs.push(() => socket.off('device:listChanged', onList));
    let wasLive = false;
    const onChange = (): void => {
      const live = sync.status === 'live';
      if (live && !wasLive) this.load();
      wasLive = live;
    };
    this.#offs.push(sync.onChange(onChange));
    onChange();
  }

  load(): void {
    const socket = this.hall.sync?.domainSocket;
    if (!socket) return;
    const timed = socket.timeout(8000);
    (timed.emitWithAck as (n: 'device:list', p: object) => Promise<Ack<DeviceList>>).call(timed, 'device:list', {}).then(
      (ack) => {
        if (ack.ok) this.list = ack.data;
        else this.error = ack.error;
      },
      () => undefined,
    );
  }

  async run<E extends DeviceCommand>(name: E, input: CommandInput<E>): Promise<boolean> {
    const sync = this.hall.sync;
    if (!sync) return false;
    this.busy = true;
    this.error = null;
    const result = await sync.command(name, input);
    this.busy = false;
    if (!result.ok) {
      this.error = result.error;
      return false;
    }
    this.list = result.data as DeviceList;
    return true;
  }

  destroy(): void {
    for (const off of this.#offs.splice(0)) off();
  }
}
