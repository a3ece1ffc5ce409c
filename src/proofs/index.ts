import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { proofsRoutes } from './proofs.routes.ts';

export { eventProof, forgetProofCache, type Proof, provenApproval, recordProof } from './proofs.build.ts';
export {
  allCheckpoints,
  latestCheckpoint,
  listCheckpoints,
  makeCheckpoint,
  presentCheckpoint,
  startCheckpointSchedule,
} from './proofs.checkpoints.ts';
export { runCheckpointCommand, runVerifyCommand } from './proofs.cli.ts';
export { publicKeys } from './proofs.keys.ts';
export { type ChainReport, type ProofVerdict, verifyChain, verifyProof } from './proofs.verify.ts';

export default async function routes(app: FastifyInstance) {
  await app.register(rateLimit, { global: false });
  await app.register(proofsRoutes);
}
