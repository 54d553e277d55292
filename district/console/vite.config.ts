import { appConfig } from '../../shared/vite/app-config.js';

export default appConfig({ configUrl: import.meta.url, base: '/district/' });
