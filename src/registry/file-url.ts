import { z } from 'zod';

/** An absolute http(s) URL, or a path on this program (an uploaded file: `/api/files/…`). */
export const fileUrl = z
  .string()
  .trim()
  .max(2000)
  .refine(
    (value) => {
      if (value.startsWith('/')) return !value.startsWith('//');
      try {
        return ['http:', 'https:'].includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { params: { code: 'registry.fileUrl' } },
  );
