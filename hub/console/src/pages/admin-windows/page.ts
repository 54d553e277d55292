import type { ConsolePage } from '../../page';
import { CONSOLE_ROLES } from '@yichuang/shared/domain';
import '../admin-common/forms.css';
import WindowsPage from './WindowsPage.svelte';

export const page: ConsolePage = { id: 'admin-windows', order: 62, title: 'admin.windows.title', component: WindowsPage, roles: CONSOLE_ROLES };
