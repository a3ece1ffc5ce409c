import { checkFilesOwnedBy } from '../../files/index.ts';
import { hasValidCheckDigit } from '../../gs1/index.ts';
import type { DbOrTx } from '../../platform/index.ts';
import { getOrganisation, getProduct } from '../../registry/index.ts';
import type { PreCheck, ReviewHandler } from '../review.handlers.ts';
import { approvalNeeds, checkNeed } from './approval-needs.ts';
import { productRecord } from './records.ts';
import {
  check,
  hostedFileId,
  isFetchableImage,
  notApplicable,
  present,
  registryStatusHooks,
  todayIso,
} from './shared.ts';

const needs = approvalNeeds.product;

/** The ten data items of Circular 02/2024 that a product itself carries, and the producer behind it. */
export async function productChecks(db: DbOrTx, id: string): Promise<PreCheck[]> {
  const product = await getProduct(db, id);
  if (!product) return [check('review.check.exists', false, true)];
  const org = await getOrganisation(db, product.organisationId);
  const hosted = product.images.map(hostedFileId);
  const missing = await checkFilesOwnedBy(
    db,
    hosted.filter((id): id is string => id !== null),
    product.organisationId,
    'images',
  );
  const badImage = product.images.find((url) => !isFetchableImage(url));
  return [
    checkNeed(needs.name, product),
    checkNeed(needs.image, product, !badImage, { url: badImage ?? '' }),
    // a stored image that is gone is a warning for the reviewer to look at, not an automatic refusal
    hosted.some((id) => id !== null)
      ? check('review.check.imagesFound', missing.length === 0, false, {
          ids: missing.map((m) => String(m.params?.id)).join(', '),
        })
      : notApplicable('review.check.imagesFound'),
    product.images.length
      ? check(
          'review.check.imagesHosted',
          hosted.every((id) => id !== null),
          false,
        )
      : notApplicable('review.check.imagesHosted'),
    check(
      'review.check.tt02.producer',
      !!org && present(org.name) && present(org.communeCode) && present(org.streetAddress),
      true,
    ),
    check('review.check.producerApproved', org?.reviewStatus === 'approved', true),
    check('review.check.gtin', hasValidCheckDigit(product.gtin), true, { gtin: product.gtin }),
    checkNeed(needs.brand, product),
    checkNeed(needs.shelfLife, product),
    checkNeed(needs.standards, product),
    product.ocop
      ? check('review.check.ocopValid', product.ocop.validUntil >= todayIso(), false)
      : notApplicable('review.check.ocopValid'),
  ];
}

/** A product's commune is its producer's: the commune officer's queue is about the producers of the commune. */
export const productReview: ReviewHandler = {
  ...registryStatusHooks('product'),
  describe: async (db, id) => {
    const product = await getProduct(db, id);
    if (!product) return null;
    const org = await getOrganisation(db, product.organisationId);
    return {
      organisationId: product.organisationId,
      sector: product.sector ?? org?.sector ?? null,
      communeCode: org?.communeCode ?? null,
      title: `${product.name} (GTIN ${product.gtin})`,
    };
  },
  preChecks: (db, item) => productChecks(db, item.entityId),
  needs: Object.values(needs),
  record: productRecord,
};
