import { mount } from 'svelte';
import '@yichuang/shared/ui/base.css';
import '../board/signage.css';
import Display from './Display.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('#app missing');
export default mount(Display, { target });
