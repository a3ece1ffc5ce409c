import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getFileContent } from './files.service.ts';

/**
 * `GET /files/:id`: the bytes, for the consumer page, the back office and the national portal. A file never
 * changes once stored, so it is cached for a year and revalidated by its hash.
 */
export async function fileServeRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/files/:id',
    {
      schema: {
        tags: ['files'],
        summary: 'Download a file (image or PDF); `?size=thumb` gives the 400 px thumbnail of an image',
        params: z.object({ id: z.string().uuid() }),
        querystring: z.object({ size: z.enum(['full', 'thumb']).default('full') }),
      },
    },
    async (request, reply) => {
      const content = await getFileContent(app.db, request.params.id, request.query.size);
      const etag = `"${content.sha256}${request.query.size === 'thumb' ? '-t' : ''}"`;
      reply
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('etag', etag)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox");
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      if (content.kind === 'pdf') {
        const name = encodeURIComponent(content.originalName ?? 'document.pdf');
        reply.header('content-disposition', `inline; filename*=UTF-8''${name}`);
      }
      return reply.type(content.mediaType).send(content.data);
    },
  );
}
