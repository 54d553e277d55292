// A console page. Each lives in its own folder under pages/ with a page.ts exporting `page`;
// the console finds them all, so adding a page never touches another page's files.
import type { StaffRole } from '@yichuang/shared/domain';
import type { StringKey } from '@yichuang/shared/console-i18n';
import type { Lang } from '@yichuang/shared/console-i18n';
import type { ConsoleSession } from '@yichuang/shared/ui/console-session.svelte';
import type { Hall } from '@yichuang/shared/ui/hall.svelte';
import type { Component } from 'svelte';

export interface PageProps {
  hall: Hall;
  lang: Lang;
  /** Who is signed in (never null while a page shows). */
  session: ConsoleSession;
}

export interface ConsolePage {
  /** The address fragment: #/<id>. */
  id: string;
  /** Place in the navigation, lowest first. */
  order: number;
  title: StringKey;
  component: Component<PageProps>;
  /** Who sees the page; absent = everyone signed in (the hub still checks every command). */
  roles?: readonly StaffRole[];
}


export function discoverPages(): ConsolePage[] {
  const modules = import.meta.glob<{ page: ConsolePage }>('./pages/*/page.ts', { eager: true });
  return Object.values(modules)
    .map((m) => m.page)
    .sort((a, b) => a.order - b.order);
}
