import { mount } from 'svelte';
import '@yichuang/shared/ui/base.css';
import '../touch.css';
import './signage.css';
import Board from './Board.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('#app missing');
export default mount(Board, { target });
