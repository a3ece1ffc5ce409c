import { api } from './client.ts';
import type { StoredFile } from './types.ts';

/** Uploads one photo or PDF to the files service (images are re-encoded there, metadata stripped). */
export function uploadFile(file: File, organisationId?: string): Promise<StoredFile> {
  const form = new FormData();
  form.append('file', file);
  return api<StoredFile>('POST', '/api/files', {
    form,
    query: { organisationId: organisationId || undefined },
  });
}
