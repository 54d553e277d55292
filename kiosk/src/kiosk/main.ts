import { mount } from 'svelte';
import '@yichuang/shared/ui/base.css';
import '../touch.css';
import './kiosk.css';
import Kiosk from './Kiosk.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('#app missing');
export default mount(Kiosk, { target });
