import { locationScript } from './consumer.page.ts';
import { pageCss } from './html.ts';
import publicRoutes from './public.routes.ts';

/** The inline code of the server-rendered pages, for the Content-Security-Policy's hashes. */
export const publicInlineCode = { scripts: [locationScript], styles: [pageCss] };

export default publicRoutes;
