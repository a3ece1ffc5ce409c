import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface AssetSize {
  file: string;
  raw: number;
  gzip: number;
  br: number;
}

/** Sizes of one built file: raw, and compressed as the build precompresses it (gzip 9, brotli 11). */
export function assetSize(root: string, file: string): AssetSize {
  const data = fs.readFileSync(path.join(root, file));
  return {
    file,
    raw: data.length,
    gzip: zlib.gzipSync(data, { level: 9 }).length,
    br: zlib.brotliCompressSync(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }).length,
  };
}

/**
 * What a browser fetches before the first page can run: the scripts index.html loads (its module script and the
 * chunks it modulepreloads) and its stylesheets, as paths relative to the build folder.
 */
export function firstLoad(root: string): { scripts: string[]; styles: string[] } {
  const html = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
  const local = (href: string) => href.replace(/^\/app\//, '').replace(/^\.\//, '');
  const scripts: string[] = [];
  const styles: string[] = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
    const src = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if (!src || !/^(?:\/app\/|\.\/)?assets\//.test(src)) continue;
    if (tag.startsWith('<script') || /rel="modulepreload"/.test(tag)) scripts.push(local(src));
    else if (/rel="stylesheet"/.test(tag)) styles.push(local(src));
  }
  return { scripts, styles };
}

export const sum = (sizes: AssetSize[]): Omit<AssetSize, 'file'> =>
  sizes.reduce((t, s) => ({ raw: t.raw + s.raw, gzip: t.gzip + s.gzip, br: t.br + s.br }), {
    raw: 0,
    gzip: 0,
    br: 0,
  });
