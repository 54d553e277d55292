import type { ConsolePage } from '../../page';
import { MANAGING_ROLES } from '@yichuang/shared/domain';
import '../admin-common/forms.css';
import DevicesPage from './DevicesPage.svelte';

export const page: ConsolePage = { id: 'devices', order: 65, title: 'devices.title', component: DevicesPage, roles: MANAGING_ROLES };
