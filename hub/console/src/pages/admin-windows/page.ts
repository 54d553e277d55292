import type { ConsolePage } from '../../page';
import { MANAGERS } from '../../page';
import '../admin-common/forms.css';
import WindowsPage from './WindowsPage.svelte';

export const page: ConsolePage = { id: 'admin-windows', order: 62, title: 'admin.windows.title', component: WindowsPage, roles: MANAGERS };
