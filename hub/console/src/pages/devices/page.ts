import type { ConsolePage } from '../../page';
import { MANAGERS } from '../../page';
import '../admin-common/forms.css';
import DevicesPage from './DevicesPage.svelte';

export const page: ConsolePage = { id: 'devices', order: 65, title: 'devices.title', component: DevicesPage, roles: MANAGERS };
