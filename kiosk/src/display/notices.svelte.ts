// The notices a window-top display shows: asked for whenever the connection becomes live and each
// time the hub says they changed ('notice:changed': posted, withdrawn, or ended by the hub's clock).
import type { WindowNotice } from '@yichuang/shared/notices';
import type { Hall } from '@yichuang/shared/ui/hall.svelte';

/** A load the hub did not answer (timeout, link down) is asked again this much later. */
const RETRY_MS = 2000;

export class DisplayNotices {
  list = $state.raw<WindowNotice[]>([]);
  /** Loads asked so far: only the latest one's answer is shown (an earlier answer may come late). */
  #asked = 0;
  #retry: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly hall: Hall,
    private readonly windowId: () => string | undefined,
  ) {}

  /** Starts following; returns the stop function. */
  attach(): () => void {
    const sync = this.hall.sync;
    if (!sync) return () => undefined;
    const load = (): void => void this.load();
    sync.domainSocket.on('notice:changed', load);
    let wasLive = false;
    const offChange = sync.onChange(() => {
      if (sync.status === 'live' && !wasLive) load();
      wasLive = sync.status === 'live';
    });
    return () => {
      sync.domainSocket.off('notice:changed', load);
      offChange();
      clearTimeout(this.#retry);
      this.#asked++; // answers still on their way are not shown
    };
  }

  async load(): Promise<void> {
    const windowId = this.windowId();
    const sync = this.hall.sync;
    if (!sync || !windowId) return;
    const asked = ++this.#asked;
    clearTimeout(this.#retry);
    const answer = await sync.command('notice:showing', { windowId });
    if (asked !== this.#asked) return;
    if (answer.ok) this.list = answer.data;
    else this.#retry = setTimeout(() => void this.load(), RETRY_MS);
  }
}
