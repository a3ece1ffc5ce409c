import type { FastifyInstance } from 'fastify';
import './capture-balance.ts';
import './shipments.recall.ts';
import { shipmentRoutes } from './shipments.routes.ts';
import { stageRoutes } from './stages.routes.ts';

export type { EpcisEvent } from './epcis-document.ts';
export {
  epcisDocument,
  eventHeader,
  gtin14,
  quantityElement,
  VIETNAM_OFFSET,
  vietnamLocal,
} from './epcis-document.ts';
export { registerHarvestRule } from './harvest-rules.ts';
export { checkCalendarDates, checkLotQuantity } from './lot-checks.ts';
export { locationUri, ownLocation, selfParty } from './parties.ts';
export type { ShipmentResponse } from './shipments.schema.ts';
export { listShipments, receiveShipment } from './shipments.service.ts';
export type { StageForm } from './stages.schema.ts';
export { stageForm } from './stages.schema.ts';
export type { PreparedStage, StageLookups } from './stages.service.ts';
export { checkStageAllowed, persistStages, prepareStage, recordStage } from './stages.service.ts';
export { baseUnit, dimensions as unitDimensions, StockLedger, unitNames } from './stock.ts';

export default async function routes(app: FastifyInstance) {
  await app.register(stageRoutes);
  await app.register(shipmentRoutes);
}
