import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { auditRoutes } from './audit.routes.ts';

export { canonicalJson, chainHash, genesisHash } from './audit.chain.ts';
export { type ChainPageResult, checkChainPage, isoOfTimestamp } from './audit.chain-page.ts';
export { ChainHashers } from './audit.chain-workers.ts';
export { lastAuditedChange } from './audit.last-change.ts';
export {
  captureEntityType,
  emptyRoot,
  entityRefOf,
  inclusionPath,
  leafHash,
  MerkleAccumulator,
  merkleRoot,
  nodeHash,
  type PathStep,
  type RecordLeafFields,
  recordLeaf,
  recordLeafData,
  recordLeafFields,
  rootFromPath,
  sha256Hex,
} from './audit.merkle.ts';
export {
  type AuditRow,
  auditChainPage,
  auditHead,
  auditRowById,
  auditRowsInRange,
  latestAuditOf,
} from './audit.repo.ts';
export { registerAuditScope } from './audit.scope.ts';
export { recordAudit } from './audit.service.ts';
export { registerAuditSubject } from './audit.subjects.ts';
export { describeEntry, vietnamTime } from './audit.words.ts';

export default async function routes(app: FastifyInstance) {
  await app.register(rateLimit, { global: false });
  await app.register(auditRoutes);
}
