import type { FastifyInstance } from 'fastify';
import { registerAuditSubject } from '../audit/index.ts';
import { connectPublicationListener, getProduct } from '../registry/index.ts';
import { contributePreChecks } from '../review/index.ts';
import './passport.policy.ts';
import { passportRoutes } from './passport.routes.ts';
import { keepPassportVersion, labelPreChecks } from './passport.service.ts';

// What other modules may call.
export type {
  LabelLot,
  LabelProducer,
  Passport,
  PassportContent,
  PassportProduct,
  PassportVersion,
  ResolvedItem,
} from './passport.content.ts';
export { buildContent, labelDate, producerLine, resolveItems } from './passport.content.ts';
export { knownItems } from './passport.items.ts';
export { addVersion, findPassport, listGoodsGroups, putLabel } from './passport.service.ts';

let connected = false;
/**
 * Each product approval keeps the passport's next version, and the review checks a product's e-label: connected
 * once by app.ts (decision 058).
 */
export function connectPassport(): void {
  if (connected) return;
  connected = true;
  connectPublicationListener(keepPassportVersion);
  contributePreChecks('product', (db, item) => labelPreChecks(db, item.entityId));
  registerAuditSubject('product_label', async (db, id) => (await getProduct(db, id))?.name ?? null);
  registerAuditSubject('goods_group', async (_db, id) => id);
}

/** Digital product passports and e-labels (issue 16 §1): goods groups, labels, approved versions. */
export default async function passport(app: FastifyInstance) {
  await app.register(passportRoutes);
}
