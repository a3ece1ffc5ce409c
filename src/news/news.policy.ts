import { type Actor, registerPermissions } from '../platform/index.ts';

/** The department writes the portal's news and guidance: its admin and its reviewers. */
export const mayEditNews = (actor: Actor) => actor.role === 'dost_admin' || actor.role === 'dost_reviewer';

registerPermissions('news', (actor) => (mayEditNews(actor) ? ['write:news:all'] : []));
