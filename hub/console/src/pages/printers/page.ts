import type { ConsolePage } from '../../page';
import Printers from './Printers.svelte';

export const page: ConsolePage = { id: 'printers', order: 40, title: 'printers.title', component: Printers };
