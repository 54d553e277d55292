import type { ConsolePage } from '../../page';
import { CONSOLE_ROLES } from '@yichuang/shared/domain';
import '../admin-common/forms.css';
import StaffPage from './StaffPage.svelte';

export const page: ConsolePage = { id: 'admin-staff', order: 63, title: 'admin.staff.title', component: StaffPage, roles: CONSOLE_ROLES };
