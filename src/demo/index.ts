import { captureEpcisDocument } from '../epcis/index.ts';
import type { Config, Db } from '../platform/index.ts';
import { hasOrganisations } from '../registry/index.ts';
import { seedDemoAccounts } from './accounts.ts';
import { seedCatalogueDemo } from './catalogues.ts';
import { seedChainDemo } from './chain.ts';
import { demoEvents, epcisDocument } from './demo-events.ts';
import { seedRegistry } from './demo-registry.ts';
import { seedKitchenDemo } from './kitchens.ts';
import { seedNewsDemo } from './news.ts';
import { seedPassportDemo } from './passport.ts';
import { seedPlanDemo } from './plan.ts';
import { seedProgrammesDemo } from './programmes.ts';
import { seedStampDemo } from './stamps.ts';

export { demoApiKey } from './accounts.ts';
export {
  demoDurianFarmLotKey,
  demoDurianLotKey,
  demoGlns,
  demoLots,
  demoPalletSscc,
  dl,
} from './demo-data.ts';
export { demoEventId, demoEvents, epcisDocument } from './demo-events.ts';

/**
 * Seeds the demo province on an empty database; does nothing when data is already there. Everything goes
 * through the modules' services. Other modules append their own seeding calls below, using `registry`.
 */
export async function seedDemo(db: Db, config: Config): Promise<{ seeded: boolean }> {
  if (await hasOrganisations(db)) return { seeded: false };
  const registry = await seedRegistry(db);
  for (const [organisation, events] of Object.entries(demoEvents())) {
    const organisationId = registry.organisations[organisation as keyof typeof registry.organisations];
    if (!events.length) continue;
    await captureEpcisDocument(db, epcisDocument(events), { organisationId });
  }
  await seedChainDemo(db, config, registry);
  await seedDemoAccounts(db, registry);
  const stamps = await seedStampDemo(db, config, registry);
  await seedCatalogueDemo(db);
  await seedPlanDemo(db);
  await seedNewsDemo(db, config);
  await seedProgrammesDemo(db, registry);
  await seedPassportDemo(db, registry);
  await seedKitchenDemo(db, config, registry, stamps);
  return { seeded: true };
}
