import type { ConsolePage } from '../../page';
import Live from './Live.svelte';

export const page: ConsolePage = { id: 'live', order: 1, title: 'live.title', component: Live };
