import { mount } from 'svelte';
import '@yichuang/shared/ui/base.css';
import Phone from './Phone.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('#app missing');
export default mount(Phone, { target });
