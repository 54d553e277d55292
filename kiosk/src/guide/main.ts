import { mount } from 'svelte';
import '@yichuang/shared/ui/base.css';
import '../kiosk/kiosk.css';
import GuideApp from './GuideApp.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('#app missing');
export default mount(GuideApp, { target });
