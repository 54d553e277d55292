import type { ConsolePage } from '../../page';
import { MANAGING_ROLES } from '@yichuang/shared/domain';
import '../admin-common/forms.css';
import NoticesPage from './NoticesPage.svelte';

export const page: ConsolePage = { id: 'notices', order: 36, title: 'notices.title', component: NoticesPage, roles: MANAGING_ROLES };
