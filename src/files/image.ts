import sharp, { type Sharp } from 'sharp';

export interface ProcessedImage {
  data: Buffer;
  width: number;
  height: number;
  thumbnail: Buffer;
}

export const IMAGE_MAX_PX = 1600;
export const THUMBNAIL_PX = 400;

/** Decoded and turned upright from its EXIF orientation; sharp writes no metadata on output unless asked. */
const upright = (input: Buffer) => sharp(input, { limitInputPixels: 50_000_000, animated: false }).rotate();

const webpWithin = (image: Sharp, px: number, quality: number) =>
  image
    .clone()
    .resize(px, px, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality })
    .toBuffer({ resolveWithObject: true });

/**
 * Re-encodes an upload as WebP: turned upright from its EXIF orientation, shrunk to fit 1600 px, plus a
 * 400 px thumbnail. sharp writes no metadata unless asked, so EXIF (GPS position of a farmer's field,
 * camera serial) never leaves the server. Throws when the bytes do not decode as an image.
 */
export async function processImage(input: Buffer): Promise<ProcessedImage> {
  const image = upright(input);
  const main = await webpWithin(image, IMAGE_MAX_PX, 82);
  const thumbnail = await webpWithin(image, THUMBNAIL_PX, 75);
  return { data: main.data, width: main.info.width, height: main.info.height, thumbnail: thumbnail.data };
}

/** The same re-encoding without a thumbnail, for a photo that is only ever looked at once (consumer reports). */
export async function reencodeImage(input: Buffer): Promise<{ data: Buffer; mediaType: 'image/webp' }> {
  const { data } = await webpWithin(upright(input), IMAGE_MAX_PX, 82);
  return { data, mediaType: 'image/webp' };
}
