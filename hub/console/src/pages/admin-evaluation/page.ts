import type { ConsolePage } from '../../page';
import { MANAGING_ROLES } from '@yichuang/shared/domain';
import '../admin-common/forms.css';
import EvaluationPage from './EvaluationPage.svelte';

export const page: ConsolePage = { id: 'admin-evaluation', order: 64, title: 'admin.evaluation.title', component: EvaluationPage, roles: MANAGING_ROLES };
