import { z } from 'zod';

export const signInInput = z
  .object({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(200) })
  .strict();

export const passwordChangeInput = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().max(200) })
  .strict();

export const passwordResetRequestInput = z.object({ email: z.string().trim().min(3).max(254) }).strict();
export const passwordResetRequestView = z.object({ accepted: z.literal(true) });

export const passwordSetInput = z
  .object({ token: z.string().min(1).max(200), newPassword: z.string().max(200) })
  .strict();

/** Who the caller is and what the back office may show them. */
export const meView = z.object({
  kind: z.enum(['user', 'apiKey']),
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  role: z.string(),
  organisationIds: z.array(z.string()),
  sector: z.string().nullable(),
  communes: z.array(z.string()),
  permissions: z.array(z.string()),
  /** Send it back as `X-CSRF-Token` on every POST/PUT/PATCH/DELETE made with the session cookie. */
  csrfToken: z.string().nullable(),
  sessionExpiresAt: z.string().nullable(),
  /** A temporary password from the department: the back office asks for a new one before anything else. */
  mustChangePassword: z.boolean(),
});
export type MeView = z.infer<typeof meView>;

export const signedOutView = z.object({ sessionsEnded: z.number() });
