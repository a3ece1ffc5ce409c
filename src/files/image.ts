import sharp from 'sharp';

export interface ProcessedImage {
  data: Buffer;
  width: number;
  height: number;
  thumbnail: Buffer;
}

export const IMAGE_MAX_PX = 1600;
export const THUMBNAIL_PX = 400;

/**
 * Re-encodes an upload as WebP: turned upright from its EXIF orientation, shrunk to fit 1600 px, plus a
 * 400 px thumbnail. sharp writes no metadata unless asked, so EXIF (GPS position of a farmer's field,
 * camera serial) never leaves the server. Throws when the bytes do not decode as an image.
 */
export async function processImage(input: Buffer): Promise<ProcessedImage> {
  const upright = sharp(input, { limitInputPixels: 50_000_000, animated: false }).rotate();
  const main = await upright
    .clone()
    .resize(IMAGE_MAX_PX, IMAGE_MAX_PX, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 82 })
    .toBuffer({ resolveWithObject: true });
  const thumbnail = await upright
    .clone()
    .resize(THUMBNAIL_PX, THUMBNAIL_PX, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 75 })
    .toBuffer();
  return { data: main.data, width: main.info.width, height: main.info.height, thumbnail };
}
