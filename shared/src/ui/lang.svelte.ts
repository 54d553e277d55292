// The screen's language, zh-CN first; every label goes through the screen's catalogue (i18n.ts, or
// window-i18n.ts for the window caller), handed in as its t.
import { htmlLang, type Lang, type Params, type StringKey } from '@yichuang/shared/i18n';

type Translate<K extends string> = (key: K, lang: Lang, params?: Params) => string;

export class Language<K extends string = StringKey> {
  lang = $state<Lang>('zh');

  constructor(private readonly translate: Translate<K>) {
    $effect.root(() => {
      $effect(() => {
        document.documentElement.lang = htmlLang(this.lang);
      });
    });
  }

  t = (key: K, params?: Params): string => this.translate(key, this.lang, params);

  toggle = (): void => {
    this.lang = this.lang === 'zh' ? 'en' : 'zh';
  };
}
