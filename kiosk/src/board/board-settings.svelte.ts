// This board's settings from the hub (notice, voice, what to show): asked whenever the hall
// connection comes back live, and replaced when the hub says they changed.
import type { CallView, QueueView } from '@yichuang/shared/domain';
import { DEFAULT_VOICE, type BoardView } from '@yichuang/shared/live';
import type { Hall } from '@yichuang/shared/ui/hall.svelte';

const ASK_TIMEOUT_MS = 5000;

export class BoardSettings {
  view = $state.raw<BoardView>({ notice: '', voice: { ...DEFAULT_VOICE, enabled: true }, categories: null, windows: null });

  constructor(hall: Hall) {
    const sync = hall.sync;
    if (!sync) return;
    const socket = sync.domainSocket;
    socket.on('board:settingsChanged', (v) => (this.view = v));
    let wasLive = false;
    sync.onChange((s) => {
      const live = s.status === 'live';
      if (live && !wasLive) {
        socket
          .timeout(ASK_TIMEOUT_MS)
          .emitWithAck('board:settings', {})
          .then(
            (ack) => {
              if (ack.ok) this.view = ack.data;
            },
            () => undefined, // no answer: the next reconnect asks again, the defaults stand meanwhile
          );
      }
      wasLive = live;
    });
  }

  showsCall(call: CallView): boolean {
    const { categories, windows } = this.view;
    return (!categories || categories.includes(call.categoryId)) && (!windows || windows.includes(call.windowId));
  }

  showsQueue(queue: QueueView): boolean {
    return !this.view.categories || this.view.categories.includes(queue.categoryId);
  }
}
