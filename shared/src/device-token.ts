// Where a paired screen keeps its device token.

/**
 * The device token of a screen: `?token=` in the page's address the first time (then kept in
 * localStorage and taken out of the address bar), so a kiosk rebooted to the bare URL still knows it.
 */
export function readDeviceToken(storageKey: string): string | undefined {
  if (typeof location === 'undefined') return undefined;
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token')?.trim();
  let store: Storage | undefined;
  try {
    store = globalThis.localStorage;
  } catch {
    store = undefined; // storage disabled: the token lives in the address only
  }
  if (fromUrl) {
    try {
      store?.setItem(storageKey, fromUrl);
      url.searchParams.delete('token');
      history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    } catch {
      // keep the token in the address if it cannot be stored
    }
    return fromUrl;
  }
  try {
    return store?.getItem(storageKey) ?? undefined;
  } catch {
    return undefined;
  }
}
