// The screen's language, zh-CN first; every label goes through the shared catalogue.
import { htmlLang, t, type Lang, type Params, type StringKey } from '@yichuang/shared/i18n';

export class Language {
  lang = $state<Lang>('zh');

  constructor() {
    $effect.root(() => {
      $effect(() => {
        document.documentElement.lang = htmlLang(this.lang);
      });
    });
  }

  t = (key: StringKey, params?: Params): string => t(key, this.lang, params);

  toggle = (): void => {
    this.lang = this.lang === 'zh' ? 'en' : 'zh';
  };
}
