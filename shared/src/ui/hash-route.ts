// A console's page from the address fragment (#/page), following the browser's back and forward.

/** The page the address names now ('' for none). */
export const hashRoute = (): string => location.hash.replace(/^#\//, '');

/** Calls `onRoute` with the page whenever the fragment changes; returns the stop function (an $effect's cleanup). */
export function followHashRoute(onRoute: (route: string) => void): () => void {
  const onHash = (): void => onRoute(hashRoute());
  window.addEventListener('hashchange', onHash);
  return () => window.removeEventListener('hashchange', onHash);
}
