// The hall's service items, fetched from the hub's read-only REST (GET /api/kiosk/items) and kept
// until the hub says the catalogue changed (or a while has passed); searching runs on the screen
// over the hub's pinyin keys.
import type { HallSync } from '@yichuang/shared/hall-sync';
import type { Catalogue } from '@yichuang/shared/kiosk';
import { rest } from '@yichuang/shared/rest';

/** Fetched again after this long, so a changed catalogue reaches a kiosk that never reloads. */
const FRESH_MS = 10 * 60_000;

let cached: { at: number; catalogue: Promise<Catalogue> } | undefined;

export function loadCatalogue(): Promise<Catalogue> {
  if (cached && Date.now() - cached.at < FRESH_MS) return cached.catalogue;
  const catalogue = rest('get', '/kiosk/items').then((ack) => {
    if (!ack.ok) throw new Error(ack.error.messageEn);
    return ack.data;
  });
  cached = { at: Date.now(), catalogue };
  // A failed fetch is not kept: the next visit tries again.
  catalogue.catch(() => {
    if (cached?.catalogue === catalogue) cached = undefined;
  });
  return catalogue;
}

/** A changed catalogue (kiosk:catalogueChanged) is fetched anew the next time the guide opens. */
export function followCatalogue(sync: HallSync): () => void {
  const forget = (): void => void (cached = undefined);
  sync.domainSocket.on('kiosk:catalogueChanged', forget);
  return () => sync.domainSocket.off('kiosk:catalogueChanged', forget);
}
