import { mount } from 'svelte';
import '@yichuang/shared/ui/base.css';
import '@yichuang/shared/ui/console.css';
import DistrictConsole from './DistrictConsole.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('#app missing');
export default mount(DistrictConsole, { target });
