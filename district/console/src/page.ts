// The district console's pages: the address fragment #/<id> picks one.
import type { DistrictRole } from '@yichuang/shared/district';
import type { DistrictStringKey, Lang } from '@yichuang/shared/district-console-i18n';
import type { Component } from 'svelte';
import type { DistrictSession } from './session.svelte';

export interface PageProps {
  lang: Lang;
  /** Who is signed in (never null while a page shows). */
  session: DistrictSession;
}

export interface DistrictPage {
  id: string;
  title: DistrictStringKey;
  component: Component<PageProps>;
  /** Who sees the page; absent = everyone signed in (the server still checks every write). */
  roles?: readonly DistrictRole[];
}
