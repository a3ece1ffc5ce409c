import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { administrativeUnits, administrativeUnitsSchema } from './admin-units.ts';

export async function administrativeUnitRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/administrative-units',
    {
      config: { public: true },
      schema: {
        tags: ['registry: administrative units'],
        summary:
          "The province's communes and wards (after the 2025 reorganisation), as configured by the department",
        response: { 200: administrativeUnitsSchema.omit({ _note: true }) },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      const { province, units } = administrativeUnits();
      return { province, units };
    },
  );
}
