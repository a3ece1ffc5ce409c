import type { FastifyInstance } from 'fastify';
import { registerHarvestRule } from '../chain/index.ts';
import { diaryRoutes } from './diary.routes.ts';
import { assertHarvestAllowed } from './diary.service.ts';

export type { DiaryEntryInput } from './diary.schema.ts';
export { addDiaryEntry } from './diary.service.ts';

// a harvest stage is refused inside a withdrawal interval the diary recorded at that place
registerHarvestRule(assertHarvestAllowed);

export default async function routes(app: FastifyInstance) {
  await app.register(diaryRoutes);
}
