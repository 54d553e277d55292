import { mount } from 'svelte';
import '@yichuang/shared/ui/base.css';
import './console.css';
import Console from './Console.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('#app missing');
export default mount(Console, { target });
