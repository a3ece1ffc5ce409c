import type { Config, Db } from '../platform/index.ts';
import { decide } from '../review/index.ts';
import { activateStamps, getStampRequest, requestStamps, stampUri } from '../stamps/index.ts';
import { demoLots } from './demo-data.ts';
import { type DemoRegistry, demoActor } from './demo-registry.ts';

/**
 * Demo stamps: the packing house asks for 1,000 traceability stamps for its durian cartons, the department
 * approves them through the review queue, and the first 500 are activated to lot PH2606-D1 — so the demo
 * has a genuine stamp, an inactive one and an unknown serial to scan.
 */
export async function seedStampDemo(db: Db, config: Config, registry: DemoRegistry) {
  const organisationId = registry.organisations.packer;
  const owner = { ...demoActor, role: 'org_owner' as const, organisationIds: [organisationId] };
  const { gtin, lot } = demoLots.durianCartons;
  const { request, reviewItemId } = await requestStamps(db, owner, {
    organisationId,
    gtin,
    quantity: 1000,
    kind: 'traceability',
    note: 'Tem cho thùng sầu riêng xuất khẩu vụ tháng 6',
  });
  await decide(db, reviewItemId, { decision: 'approve' }, demoActor);
  const { range } = await getStampRequest(db, demoActor, request.id);
  if (!range) return null;
  await activateStamps(db, owner, range.id, {
    lot,
    firstSerial: range.firstSerial,
    lastSerial: range.firstSerial + 499,
  });
  return {
    genuine: stampUri(config.baseUrl, { gtin, serial: range.firstSerial, lot }),
    notActivated: stampUri(config.baseUrl, { gtin, serial: range.lastSerial }),
  };
}
