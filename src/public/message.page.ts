import { type Lang, t } from '../platform/index.ts';
import { withLang } from './consumer.page.ts';
import { html, layout } from './html.ts';

/** A plain page for people: a malformed code (400) or a route that does not exist. */
export function renderMessagePage(opts: {
  lang: Lang;
  province: string;
  selfPath: string;
  title: string;
  text: string;
}): string {
  return layout({
    lang: opts.lang,
    title: opts.title,
    province: opts.province,
    switchHref: withLang(opts.selfPath, opts.lang === 'vi' ? 'en' : 'vi'),
    body: html`<section class="card verdict v-unknown"><strong>${opts.title}</strong><p>${opts.text}</p></section>
<p><a href="/">${t(opts.lang, 'public.home')}</a></p>`,
  });
}
