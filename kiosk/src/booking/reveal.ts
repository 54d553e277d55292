// Each step appears below the last: bring it into view on a phone, where it would start off-screen.
export function reveal(node: HTMLElement): void {
  requestAnimationFrame(() => node.scrollIntoView({ behavior: 'smooth', block: 'nearest' }));
}
