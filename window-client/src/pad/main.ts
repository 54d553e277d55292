import { mount } from 'svelte';
import '@yichuang/shared/ui/base.css';
import Pad from './Pad.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('#app missing');
export default mount(Pad, { target });
