import { api } from './client.ts';

/** POSTs (or GETs) and saves the answer as a file: print sheets, exports. Errors come back as ApiError. */
export async function downloadFile(method: 'GET' | 'POST', path: string, fileName: string, body?: unknown) {
  const res = await api<Response>(method, path, { body, raw: true });
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
