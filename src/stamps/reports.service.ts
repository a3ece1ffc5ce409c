import { reencodeImage } from '../files/index.ts';
import { type Actor, badRequest, type Db, type FieldError, forbidden, notFound } from '../platform/index.ts';
import * as repo from './reports.repo.ts';
import { signalReport } from './reports.signals.ts';
import { canReadReports } from './stamps.policy.ts';

export const maxPhotoBytes = 5 * 1024 * 1024;

export interface ReportInput {
  uri: string;
  gtin: string | null;
  serial: string | null;
  message: string;
  phone: string | null;
  consent: boolean;
  photo: { data: Buffer; mediaType: string } | null;
}

/** JPEG, PNG and WebP, recognised by their first bytes rather than by what the browser claims. */
export function sniffImage(data: Buffer): string | null {
  if (data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (
    data.length > 8 &&
    data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return 'image/png';
  if (
    data.length > 12 &&
    data.toString('latin1', 0, 4) === 'RIFF' &&
    data.toString('latin1', 8, 12) === 'WEBP'
  )
    return 'image/webp';
  return null;
}

export function checkReport(input: ReportInput): FieldError[] {
  const errors: FieldError[] = [];
  const message = input.message.trim();
  if (!input.uri || input.uri.length > 600) errors.push({ field: '/uri', code: 'public.reportError.uri' });
  if (message.length < 5 || message.length > 2000)
    errors.push({ field: '/message', code: 'public.reportError.message' });
  if (input.phone && !/^\+?[0-9 .()-]{8,20}$/.test(input.phone))
    errors.push({ field: '/phone', code: 'public.reportError.phone' });
  if (!input.consent) errors.push({ field: '/consent', code: 'public.reportError.consent' });
  if (input.photo && (input.photo.data.length > maxPhotoBytes || !sniffImage(input.photo.data)))
    errors.push({ field: '/photo', code: 'public.reportError.photo' });
  return errors;
}

/**
 * A consumer's photo as the report keeps it: re-encoded like every upload (src/files/image.ts), so the EXIF a phone
 * writes (where the person stood, the camera's serial) is gone, and no larger than a reviewer needs to see.
 */
async function cleanPhoto(photo: ReportInput['photo']) {
  if (!photo) return null;
  try {
    return await reencodeImage(photo.data);
  } catch {
    throw badRequest([{ field: '/photo', code: 'public.reportError.photo' }]);
  }
}

/** Stores a consumer's report for the department, only with the person's explicit consent. */
export async function submitReport(db: Db, input: ReportInput): Promise<string> {
  const errors = checkReport(input);
  if (errors.length) throw badRequest(errors);
  const photo = await cleanPhoto(input.photo);
  const at = new Date();
  // the report and its signal in one transaction: a report is never stored without its case, nor a case without it
  return db.transaction(async (tx) => {
    const message = input.message.trim();
    const id = await repo.insertReport(tx, {
      uri: input.uri,
      gtin: input.gtin,
      serial: input.serial,
      message,
      phone: input.phone?.trim() || null,
      photo: photo?.data ?? null,
      photoType: photo?.mediaType ?? null,
      consentAt: at,
    });
    const caseId = await signalReport(tx, {
      id,
      gtin: input.gtin,
      serial: input.serial,
      message,
      hasPhoto: !!photo,
      at,
    });
    if (caseId) await repo.setReportCase(tx, id, caseId);
    return id;
  });
}

export async function listReports(db: Db, actor: Actor) {
  if (!canReadReports(actor)) throw forbidden();
  return repo.listReports(db, 500);
}

export async function reportPhoto(db: Db, actor: Actor, id: string) {
  if (!canReadReports(actor)) throw forbidden();
  const found = await repo.findReportPhoto(db, id);
  if (!found) throw notFound();
  return found;
}
