import type { ConsolePage } from '../../page';
import { CONSOLE_ROLES } from '@yichuang/shared/domain';
import '../admin-common/forms.css';
import CategoriesPage from './CategoriesPage.svelte';

export const page: ConsolePage = { id: 'admin-categories', order: 61, title: 'admin.categories.title', component: CategoriesPage, roles: CONSOLE_ROLES };
