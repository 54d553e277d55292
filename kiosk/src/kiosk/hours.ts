// Walk-in hours begin and end with no queue event; the hub says when, and the kiosk takes a fresh
// snapshot (whose `open` and `nextOpening` then switch its mode).
import type { HallSync } from '@yichuang/shared/hall-sync';

export function followHours(sync: HallSync): () => void {
  const socket = sync.domainSocket;
  const changed = (): void => sync.resync();
  socket.on('kiosk:hoursChanged', changed);
  return () => socket.off('kiosk:hoursChanged', changed);
}
