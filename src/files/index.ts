import type { FastifyInstance } from 'fastify';
import { fileApiRoutes } from './files.routes.ts';
import { fileServeRoutes } from './files.serve.ts';

export { fileResponse } from './files.schema.ts';
export {
  checkFilesOwnedBy,
  departmentFilesOwner,
  describeFilesOf,
  fileUrl,
  PDF_MAX_BYTES,
  uploadFile,
} from './files.service.ts';
export { readUploadedFile, type UploadedFile } from './files.upload.ts';
export { reencodeImage } from './image.ts';

/**
 * Files answer on two paths: the API under `/api/files` and the bytes at `/files/:id`, outside `/api` so the
 * URL stays short on labels and pages. Skipping encapsulation here keeps the mount prefix from applying;
 * each half still registers in its own encapsulated context (multipart stays local to the API half).
 */
async function routes(app: FastifyInstance) {
  await app.register(fileApiRoutes, { prefix: '/api' });
  await app.register(fileServeRoutes);
}
(routes as any)[Symbol.for('skip-override')] = true;

export default routes;
