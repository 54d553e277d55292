import { mount } from 'svelte';
import '@yichuang/shared/ui/base.css';
import Booking from './Booking.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('#app missing');
export default mount(Booking, { target });
