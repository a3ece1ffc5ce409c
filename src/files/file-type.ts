/** What the first bytes of an upload say it is: names and declared types are not trusted. */
export type SniffedType =
  | { kind: 'image'; mediaType: 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif' | 'image/avif' }
  | { kind: 'pdf'; mediaType: 'application/pdf' };

const startsWith = (buf: Buffer, bytes: number[], offset = 0) =>
  buf.length >= offset + bytes.length && bytes.every((b, i) => buf[offset + i] === b);
const ascii = (buf: Buffer, start: number, end: number) => buf.subarray(start, end).toString('latin1');

export function sniffFileType(buf: Buffer): SniffedType | null {
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return { kind: 'image', mediaType: 'image/jpeg' };
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { kind: 'image', mediaType: 'image/png' };
  if (ascii(buf, 0, 4) === 'RIFF' && ascii(buf, 8, 12) === 'WEBP')
    return { kind: 'image', mediaType: 'image/webp' };
  if (ascii(buf, 0, 6) === 'GIF87a' || ascii(buf, 0, 6) === 'GIF89a')
    return { kind: 'image', mediaType: 'image/gif' };
  // ISO-BMFF: only AVIF, because the bundled libvips cannot decode HEVC (HEIC) images
  if (ascii(buf, 4, 8) === 'ftyp' && ['avif', 'avis'].includes(ascii(buf, 8, 12)))
    return { kind: 'image', mediaType: 'image/avif' };
  if (ascii(buf, 0, 5) === '%PDF-') return { kind: 'pdf', mediaType: 'application/pdf' };
  return null;
}
