import type { FastifyInstance } from 'fastify';
import './news.policy.ts';
import { newsRoutes } from './news.routes.ts';

// What other modules may call.
export type { AttachmentView, NewsInput, NewsKind, NewsView } from './news.api.ts';
export { renderNewsBody } from './news.render.ts';
export {
  createNews,
  getPublishedNews,
  listPublishedNews,
  setNewsPublished,
  uploadNewsAttachment,
} from './news.service.ts';

/** The department's news and guidance documents (issue 13 §4), shown on the portal once published. */
export default async function news(app: FastifyInstance) {
  await app.register(newsRoutes);
}
