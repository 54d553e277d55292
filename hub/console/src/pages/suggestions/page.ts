import type { ConsolePage } from '../../page';
import Suggestions from './Suggestions.svelte';

export const page: ConsolePage = { id: 'suggestions', order: 35, title: 'suggestions.title', component: Suggestions };
