import type { DbOrTx } from '../platform/index.ts';
import { presentLocation } from './location.presenter.ts';
import * as locationRepo from './location.repo.ts';
import { presentLot } from './lot.presenter.ts';
import * as lotRepo from './lot.repo.ts';
import { presentOrganisation } from './organisation.presenter.ts';
import * as organisationRepo from './organisation.repo.ts';
import { presentProduct } from './product.presenter.ts';
import * as productRepo from './product.repo.ts';
import { publicVersion } from './published.ts';
import { locations, lots, organisations, products } from './registry.schema.ts';
import type { ReviewedEntity } from './review-status.ts';

/**
 * The version of a registry row the public sees (published.ts), as the registry's API presents it, without what
 * is the department's own business (its review note); null when nothing of the row is public. A lot's status is
 * as it is now (a recall reaches the public at once).
 */
export async function getPublishedRecord(
  db: DbOrTx,
  entity: ReviewedEntity,
  id: string,
): Promise<Record<string, unknown> | null> {
  const view = await presented(db, entity, id);
  if (!view) return null;
  const { reviewStatus: _status, reviewNote: _note, publicVersionKept: _kept, ...rest } = view;
  return rest;
}

async function presented(db: DbOrTx, entity: ReviewedEntity, id: string) {
  switch (entity) {
    case 'organisation': {
      const row = publicVersion(organisations, await organisationRepo.findOrganisation(db, id));
      return row ? presentOrganisation(row) : null;
    }
    case 'location': {
      const row = publicVersion(locations, await locationRepo.findLocation(db, id));
      return row ? presentLocation(row) : null;
    }
    case 'product': {
      const row = publicVersion(products, await productRepo.findProduct(db, id));
      return row ? presentProduct(row) : null;
    }
    case 'lot': {
      const row = publicVersion(lots, await lotRepo.findLot(db, id), ['status']);
      return row ? presentLot(row) : null;
    }
  }
}
