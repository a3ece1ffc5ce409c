import { z } from 'zod';
import { sectors, storableDate } from '../platform/index.ts';
import { fileUrl } from './file-url.ts';
import { listQuery, pageSchema, reviewStatuses } from './list-query.ts';
import { traceabilitySystemView } from './traceability-system.schema.ts';

export const organisationTypes = ['enterprise', 'cooperative', 'household'] as const;
export const certificateKinds = [
  'food_safety',
  'vietgap',
  'globalgap',
  'organic',
  'haccp',
  'iso22000',
  'other',
] as const;

const isoDate = storableDate();

/** No defaults in input schemas: a patch built from them must not reset what it leaves out (the table has them). */
export const organisationInput = z.object({
  name: z.string().trim().min(2).max(300),
  taxCode: z.string().trim().min(10).max(20),
  type: z.enum(organisationTypes),
  sector: z.enum(sectors),
  communeCode: z.string().trim().min(1).max(20),
  streetAddress: z.string().trim().max(300).optional(),
  representative: z.string().trim().max(200).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 .()-]{8,20}$/)
    .optional(),
  email: z.email().optional(),
  gs1CompanyPrefixes: z.array(z.string().trim()).max(20).optional(),
  glns: z.array(z.string().trim()).max(100).optional(),
});
export type OrganisationInput = z.infer<typeof organisationInput>;

export const organisationPatch = organisationInput.partial().strict();
export type OrganisationPatch = z.infer<typeof organisationPatch>;

export const certificateInput = z.object({
  kind: z.enum(certificateKinds),
  number: z.string().trim().min(1).max(100),
  issuer: z.string().trim().min(1).max(300),
  validFrom: isoDate.optional(),
  validTo: isoDate.optional(),
  fileUrl: fileUrl.optional(),
});
export type CertificateInput = z.infer<typeof certificateInput>;

export const certificateView = z.object({
  id: z.string(),
  kind: z.string(),
  number: z.string(),
  issuer: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  fileUrl: z.string().nullable(),
});

export const organisationView = z.object({
  id: z.string(),
  name: z.string(),
  taxCode: z.string().nullable(),
  type: z.string(),
  sector: z.enum(sectors),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  streetAddress: z.string().nullable(),
  representative: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  gs1CompanyPrefixes: z.array(z.string()),
  glns: z.array(z.string()),
  reviewStatus: z.enum(reviewStatuses),
  reviewNote: z.string().nullable(),
  /** An edit waits for review while the approved version stays public (published.ts). */
  publicVersionKept: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OrganisationView = z.infer<typeof organisationView>;

export const organisationDetailView = organisationView.extend({
  certificates: z.array(certificateView),
  traceabilitySystems: z.array(traceabilitySystemView),
});

export const organisationListQuery = listQuery(['name', 'createdAt', 'taxCode']).extend({
  type: z.enum(organisationTypes).optional(),
  sector: z.enum(sectors).optional(),
  communeCode: z.string().optional(),
});
export type OrganisationListQuery = z.infer<typeof organisationListQuery>;

export const organisationPage = pageSchema(organisationView);
export const idParams = z.object({ id: z.uuid() });

export const directoryQuery = z.object({
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const directoryPage = pageSchema(
  z.object({
    id: z.string(),
    name: z.string(),
    taxCode: z.string().nullable(),
    glns: z.array(z.string()),
    communeCode: z.string().nullable(),
  }),
);
