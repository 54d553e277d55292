import type { ConsolePage } from '../../page';
import Reports from './Reports.svelte';

export const page: ConsolePage = { id: 'reports', order: 50, title: 'reports.title', component: Reports };
