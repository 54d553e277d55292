import type { ConsolePage } from '../../page';
import { CONSOLE_ROLES } from '@yichuang/shared/domain';
import '../admin-common/forms.css';
import HallPage from './HallPage.svelte';

export const page: ConsolePage = { id: 'admin-hall', order: 60, title: 'admin.hall.title', component: HallPage, roles: CONSOLE_ROLES };
