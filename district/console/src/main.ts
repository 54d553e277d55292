import { mount } from 'svelte';
import '@yichuang/shared/ui/base.css';
// The hall console's look (panels, tables, forms): one console style, not a copy.
import '../../../hub/console/src/console.css';
import DistrictConsole from './DistrictConsole.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('#app missing');
export default mount(DistrictConsole, { target });
