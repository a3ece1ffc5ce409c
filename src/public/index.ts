import { sendConsumerPage, sendInvalidCodePage } from './consumer.handler.ts';
import { locationScript } from './consumer.page.ts';
import { pageCss } from './html.ts';
import publicRoutes from './public.routes.ts';

// What the other server-rendered face (the portal) reuses: the escaping templates, the language rule, the map.
export type { Place } from './consumer.view.ts';
export { esc, Html, html, safeUrl } from './html.ts';
export { renderMapSvg } from './map.svg.ts';
export { pageLanguage } from './negotiate.ts';

/** The inline code of the server-rendered pages, for the Content-Security-Policy's hashes. */
export const publicInlineCode = { scripts: [locationScript], styles: [pageCss] };

/** The pages the resolver sends a person's browser (the app hands them to the resolver). */
export const consumerPages = { send: sendConsumerPage, sendInvalid: sendInvalidCodePage };

export default publicRoutes;
