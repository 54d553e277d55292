import type { ConsolePage } from '../../page';
import Capacity from './Capacity.svelte';

export const page: ConsolePage = { id: 'capacity', order: 55, title: 'capacity.title', component: Capacity };
