import type { ConsolePage } from '../../page';
import Kiosks from './Kiosks.svelte';

export const page: ConsolePage = { id: 'kiosks', order: 45, title: 'kiosks.title', component: Kiosks };
