// The devices page's state: paired devices (online or not, demo or not) and open pairing requests,
// asked for whenever the connection becomes live and then kept by 'device:listChanged'.
import type { DeviceList } from '@yichuang/shared/admin';
import type { CommandInput } from '@yichuang/shared/commands';
import type { Hall } from '@yichuang/shared/ui/hall.svelte';
import { PageState } from '../../page-state.svelte';

type DeviceCommand = 'device:approve' | 'device:revoke' | 'device:revokeDemo';

export class DevicesState extends PageState {
  list = $state.raw<DeviceList | null>(null);

  constructor(hall: Hall) {
    super(hall);
    this.follow({ 'device:listChanged': (list) => (this.list = list) });
  }

  load(): void {
    this.ask('device:list', (list) => (this.list = list));
  }

  run<E extends DeviceCommand>(name: E, input: CommandInput<E>): Promise<boolean> {
    return this.command(name, input, (list) => (this.list = list as DeviceList));
  }
}
