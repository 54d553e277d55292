import type { ConsolePage } from '../../page';
import { MANAGERS } from '../../page';
import '../admin-common/forms.css';
import StaffPage from './StaffPage.svelte';

export const page: ConsolePage = { id: 'admin-staff', order: 63, title: 'admin.staff.title', component: StaffPage, roles: MANAGERS };
