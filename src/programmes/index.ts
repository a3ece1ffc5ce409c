import type { FastifyInstance } from 'fastify';
import './programmes.messages.ts';
import './programmes.policy.ts';
import './programmes.formulas.ts';
import { programmeRoutes } from './programmes.routes.ts';

// What other modules may call (the demo seeds through these).
export { createProgramme } from './support.service.ts';
export { createSurvey, saveResponse, sendSurvey } from './surveys.service.ts';
export { createCourse } from './training.service.ts';

/** Status-and-needs surveys, training courses and support programmes (issue 13 §2). */
export default async function routes(app: FastifyInstance) {
  await app.register(programmeRoutes);
}
