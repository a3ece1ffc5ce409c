import { type DbOrTx, sideBySide } from '../../platform/index.ts';
import {
  getLocation,
  getLot,
  getOrganisation,
  getProduct,
  getPublishedLocation,
  getPublishedLotByKey,
  getPublishedOrganisation,
  getPublishedProductByGtin,
} from '../../registry/index.ts';
import type { ReviewItem, ReviewRecord } from '../review.handlers.ts';
import { hostedFileId } from './shared.ts';

/** The stored files a record names by address (product images, certificate scans), once each. */
const storedFiles = (urls: (string | null | undefined)[]) => [
  ...new Set(urls.map((u) => (u ? hostedFileId(u) : null)).filter((id): id is string => id !== null)),
];

/** While an edit of a published record waits, the version the public sees: the reviewer compares against it. */
const keptVersion = <T>(current: { publicVersionKept: boolean }, load: () => Promise<T | null>) =>
  current.publicVersionKept ? load() : Promise.resolve(null);

export async function organisationRecord(db: DbOrTx, item: ReviewItem): Promise<ReviewRecord | null> {
  const org = await getOrganisation(db, item.entityId);
  if (!org) return null;
  const published = await keptVersion(org, () => getPublishedOrganisation(db, org.id));
  return {
    current: org,
    published,
    fileIds: storedFiles(org.certificates.map((c) => c.fileUrl)),
  };
}

export async function locationRecord(db: DbOrTx, item: ReviewItem): Promise<ReviewRecord | null> {
  const location = await getLocation(db, item.entityId);
  if (!location) return null;
  return {
    current: location,
    published: await keptVersion(location, () => getPublishedLocation(db, location.id)),
    fileIds: [],
  };
}

export async function productRecord(db: DbOrTx, item: ReviewItem): Promise<ReviewRecord | null> {
  const product = await getProduct(db, item.entityId);
  if (!product) return null;
  return {
    current: product,
    published: await keptVersion(product, () => getPublishedProductByGtin(db, product.gtin)),
    fileIds: storedFiles(product.images),
  };
}

/** A lot names its place and input lots by id: the reviewer reads them by name. */
export async function lotRecord(db: DbOrTx, item: ReviewItem): Promise<ReviewRecord | null> {
  const lot = await getLot(db, item.entityId);
  if (!lot) return null;
  const [location, inputs, published] = await sideBySide(db, [
    async () => (lot.locationId ? getLocation(db, lot.locationId) : null),
    () =>
      sideBySide(
        db,
        lot.inputLotIds.map((id) => () => getLot(db, id)),
      ),
    () => keptVersion(lot, () => getPublishedLotByKey(db, { gtin: lot.gtin, lot: lot.lot })),
  ]);
  const inputLots = inputs.flatMap((l) => (l ? [`${l.productName} — lô ${l.lot}`] : []));
  const keptPlace =
    published?.locationId && published.locationId !== lot.locationId
      ? await getLocation(db, published.locationId)
      : location;
  return {
    current: { ...lot, locationName: location?.name ?? null, inputLots },
    published: published && { ...published, locationName: keptPlace?.name ?? null, inputLots },
    fileIds: [],
  };
}
