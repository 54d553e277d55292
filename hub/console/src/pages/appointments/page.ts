import type { ConsolePage } from '../../page';
import Appointments from './Appointments.svelte';

export const page: ConsolePage = { id: 'appointments', order: 25, title: 'appt.title', component: Appointments };
