import type { ConsolePage } from '../../page';
import '../admin-common/forms.css';
import CataloguePage from './CataloguePage.svelte';

/** The catalogue is hall configuration: admins keep it (the hub checks each request too). */
export const page: ConsolePage = { id: 'catalogue', order: 62, title: 'catalogue.title', component: CataloguePage, roles: ['admin'] };
