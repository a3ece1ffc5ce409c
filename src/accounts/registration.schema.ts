import { z } from 'zod';
import { organisationInput, organisationView } from '../registry/index.ts';
import { meView } from './auth.schema.ts';

export const registrationInput = z
  .object({
    account: z
      .object({
        email: z
          .email()
          .max(254)
          .transform((s) => s.toLowerCase()),
        name: z.string().trim().min(2).max(200),
        phone: z
          .string()
          .trim()
          .regex(/^\+?[0-9 .()-]{8,20}$/)
          .optional(),
        password: z.string().max(200),
      })
      .strict(),
    organisation: organisationInput,
  })
  .strict();
export type RegistrationInput = z.infer<typeof registrationInput>;

export const registrationView = z.object({ me: meView, organisation: organisationView });
