import { z } from 'zod';
import { officerSectors } from '../platform/index.ts';
import { personRoles } from './accounts.policy.ts';

const email = z
  .email()
  .max(254)
  .transform((s) => s.toLowerCase());
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 .()-]{8,20}$/);
const communeCode = z.string().trim().min(1).max(20);

export const userInput = z
  .object({
    email,
    name: z.string().trim().min(2).max(200),
    phone: phone.optional(),
    role: z.enum(personRoles),
    organisationId: z.uuid().optional(),
    sector: z.enum(officerSectors).optional(),
    communes: z.array(communeCode).max(200).optional(),
    password: z.string().max(200),
  })
  .strict();
export type UserInput = z.infer<typeof userInput>;

export const userPatch = z
  .object({
    name: z.string().trim().min(2).max(200),
    phone: phone.nullable(),
    role: z.enum(personRoles),
    organisationId: z.uuid().nullable(),
    sector: z.enum(officerSectors).nullable(),
    communes: z.array(communeCode).max(200),
    disabled: z.boolean(),
    /** Lifts a lock-out before it runs out. */
    unlock: z.literal(true),
  })
  .partial()
  .strict();
export type UserPatch = z.infer<typeof userPatch>;

/** The department resets a password: a reset link by mail, or a temporary password changed at next sign-in. */
export const passwordResetInput = z.discriminatedUnion('method', [
  z.object({ method: z.literal('mail') }).strict(),
  z.object({ method: z.literal('temporary-password'), password: z.string().max(200) }).strict(),
]);

export const passwordResetView = z.object({
  method: z.enum(['mail', 'temporary-password']),
  /** Sessions ended now (a temporary password); a mailed link ends them when it is used. */
  sessionsEnded: z.number(),
});

export const userListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().trim().max(200).optional(),
  role: z.enum(personRoles).optional(),
  organisationId: z.uuid().optional(),
  disabled: z.enum(['true', 'false']).optional(),
});
export type UserListQuery = z.infer<typeof userListQuery>;

export const userView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  role: z.string(),
  organisationId: z.string().nullable(),
  sector: z.string().nullable(),
  communes: z.array(z.string()),
  disabled: z.boolean(),
  locked: z.boolean(),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
});

export const userPage = z.object({
  items: z.array(userView),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
});

export const idParams = z.object({ id: z.uuid() });
