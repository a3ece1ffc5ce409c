import JSZip from 'jszip';
import { badRequest, Problem } from '../platform/index.ts';

const MiB = 1024 * 1024;

/**
 * What an .xlsx may unpack to. A 5000-row, 20-column sheet of long Vietnamese text holds about 9 MB of shared
 * strings and a 4 MB worksheet, compressed 8 to 18 times; the caps leave room above that and none for a bomb
 * (a 62 KB file that unpacks one 60 MB cell cost 10 s and 600 MB).
 */
export const archiveLimits = {
  entryBytes: 24 * MiB,
  totalBytes: 40 * MiB,
  entries: 1000,
  /** DEFLATE reaches ~1000:1 on a run of one letter; real sheets stay under 20:1. Small parts may do as they like. */
  ratio: 200,
  ratioFrom: 1 * MiB,
};

/** The parts the row reader needs, in the order that lets it read the workbook in one pass with nothing on disk. */
const partOrder = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'];
const worksheetPart = /^xl\/worksheets\/sheet(\d+)\.xml$/;
const emptySharedStrings =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';

const fileError = (code: string, params?: Record<string, unknown>) =>
  badRequest([{ field: '/body/file', code, params }], 'imports-unreadable');
const malformed = () => fileError('imports.malformedXlsx');
const tooBig = () =>
  new Problem(413, 'imports-too-large', {
    errors: [
      {
        field: '/body/file',
        code: 'imports.xlsxTooLarge',
        params: { megabytes: archiveLimits.entryBytes / MiB, totalMegabytes: archiveLimits.totalBytes / MiB },
      },
    ],
  });

/** Sizes as the zip's central directory declares them; JSZip keeps them on a property its types leave out. */
function declaredSizes(file: JSZip.JSZipObject): { compressed: number; uncompressed: number } | null {
  const data = (file as unknown as { _data?: { compressedSize?: unknown; uncompressedSize?: unknown } })
    ._data;
  const compressed = data?.compressedSize;
  const uncompressed = data?.uncompressedSize;
  return typeof compressed === 'number' && typeof uncompressed === 'number'
    ? { compressed, uncompressed }
    : null;
}

/**
 * Checks an .xlsx before anything parses it, and gives back the parts the row reader needs, unpacked under a hard
 * cap and packed again (stored, in reading order). Refused: a directory that declares too many entries, an entry or
 * a total over the caps, an absurd compression ratio, and an entry that unpacks to more than it declared. Packing
 * again means the reader sees exactly the bytes that were measured, and not an entry hidden between the local
 * headers that the central directory does not list.
 */
export async function checkedWorkbookArchive(bytes: Buffer): Promise<Buffer> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw malformed();
  }
  const files = Object.values(zip.files).filter((f) => !f.dir);
  if (files.length > archiveLimits.entries) throw malformed();
  let total = 0;
  for (const file of files) {
    const size = declaredSizes(file);
    if (!size) throw malformed();
    total += size.uncompressed;
    if (size.uncompressed > archiveLimits.entryBytes || total > archiveLimits.totalBytes) throw tooBig();
    if (
      size.uncompressed > archiveLimits.ratioFrom &&
      size.uncompressed > size.compressed * archiveLimits.ratio
    )
      throw tooBig();
  }
  return repack(zip, files);
}

async function repack(zip: JSZip, files: JSZip.JSZipObject[]): Promise<Buffer> {
  const sheets = files
    .map((f) => ({ file: f, number: Number(worksheetPart.exec(f.name)?.[1]) }))
    .filter((s) => Number.isInteger(s.number))
    .sort((a, b) => a.number - b.number)
    .map((s) => s.file);
  if (!zip.files['xl/workbook.xml'] || !zip.files['xl/_rels/workbook.xml.rels'] || !sheets.length)
    throw malformed();
  const out = new JSZip();
  for (const name of partOrder) {
    const file = zip.files[name];
    if (file && !file.dir) out.file(name, await unpack(file), { compression: 'STORE' });
    // without shared strings the reader would park every sheet in a temporary file until the end
    else if (name === 'xl/sharedStrings.xml') out.file(name, emptySharedStrings, { compression: 'STORE' });
  }
  for (const sheet of sheets) out.file(sheet.name, await unpack(sheet), { compression: 'STORE' });
  return out.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}

/** Unpacks one entry, stopping at the size it declared: a header that lies about its size is a bomb. */
function unpack(file: JSZip.JSZipObject): Promise<Buffer> {
  const limit = Math.min(declaredSizes(file)?.uncompressed ?? 0, archiveLimits.entryBytes);
  // JSZip's stream is an old-style one (no async iterator): read by its events, paused for good at the limit
  const stream = file.nodeStream('nodebuffer');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    stream.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length <= limit) return void chunks.push(chunk);
      stream.pause();
      stream.removeAllListeners('data');
      reject(tooBig());
    });
    stream.on('error', () => reject(malformed()));
    stream.on('end', () => resolve(Buffer.concat(chunks, length)));
  });
}
