import type { ConsolePage } from '../../page';
import Overview from './Overview.svelte';

export const page: ConsolePage = { id: 'overview', order: 0, title: 'overview.title', component: Overview };
