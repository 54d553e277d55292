import type { ConsolePage } from '../../page';
import { CONSOLE_ROLES } from '@yichuang/shared/domain';
import '../admin-common/forms.css';
import AuditPage from './AuditPage.svelte';

export const page: ConsolePage = { id: 'admin-audit', order: 66, title: 'admin.audit.title', component: AuditPage, roles: CONSOLE_ROLES };
