import type { ConsolePage } from '../../page';
import Cases from './Cases.svelte';

export const page: ConsolePage = { id: 'cases', order: 30, title: 'cases.title', component: Cases };
