/**
 * Shapes the API answers with, named for the pages. Each is taken from schema.d.ts, generated from the server's
 * OpenAPI document (`npm run api:types`): a route whose answer changes breaks `npm run typecheck:web`.
 */
import type { paths } from './schema.d.ts';

type Json<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : never;
type Operation<Path extends keyof paths, Method extends string> =
  paths[Path] extends Record<Method, infer Op> ? Op : never;

/** What a GET of the path answers with (200). */
export type Got<Path extends keyof paths> =
  Operation<Path, 'get'> extends { responses: { 200: infer R } } ? Json<R> : never;
/** One item of the list a GET of the path answers with (`{ items: [...] }`). */
export type Item<Path extends keyof paths> = Got<Path> extends { items: (infer T)[] } ? T : never;
/** The JSON body of a request. */
export type Body<Path extends keyof paths, Method extends 'post' | 'put' | 'patch'> =
  Operation<Path, Method> extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;
/** What the request answers with when it succeeds (200 or 201). */
export type Sent<Path extends keyof paths, Method extends 'post' | 'put' | 'patch' | 'delete'> =
  Operation<Path, Method> extends { responses: infer R }
    ? R extends { 201: infer C }
      ? Json<C>
      : R extends { 200: infer C }
        ? Json<C>
        : never
    : never;

/**
 * The list itself, when it names every value of the API's enumeration and nothing else: a value added to or
 * dropped from the API breaks the web typecheck here. `allOf<Union>()([...])`.
 */
const allOf =
  <Union extends string>() =>
  <const List extends readonly Union[]>(
    list: List & ([Union] extends [List[number]] ? unknown : { missing: Exclude<Union, List[number]> }),
  ): List =>
    list;

export type Organisation = Item<'/api/organisations'>;
export type OrganisationDetail = Got<'/api/organisations/{id}'>;
export type Certificate = OrganisationDetail['certificates'][number];
export type ReviewStatus = Organisation['reviewStatus'];
type NewOrganisation = Body<'/api/organisations', 'post'>;

export const organisationTypes = allOf<NewOrganisation['type']>()(['enterprise', 'cooperative', 'household']);
// one vocabulary with the server's (platform/vocabulary.ts)
export { officerSectors, sectors } from '../../platform/vocabulary.ts';
export const certificateKinds = allOf<Body<'/api/organisations/{id}/certificates', 'post'>['kind']>()([
  'food_safety',
  'vietgap',
  'globalgap',
  'organic',
  'haccp',
  'iso22000',
  'other',
]);

export type AdministrativeUnit = Got<'/api/administrative-units'>['units'][number];

type NewLocation = Body<'/api/locations', 'post'>;
/** The answer says `polygon: unknown`; what it holds is the GeoJSON the location was saved with. */
export type Location = Omit<Item<'/api/locations'>, 'polygon'> & { polygon: NewLocation['polygon'] | null };
export const locationTypes = allOf<NewLocation['type']>()([
  'farm',
  'growing_area',
  'barn',
  'workshop',
  'packing_house',
  'slaughterhouse',
  'warehouse',
  'shop',
  'market',
  'school_kitchen',
]);
export const locationAis = allOf<NonNullable<NewLocation['locationAi']>>()(['414', '416', '417']);

export type Product = Item<'/api/products'>;
export const riskTiers = allOf<NonNullable<Body<'/api/products', 'post'>['riskTier']>>()([
  'low',
  'medium',
  'high',
]);

export type Lot = Item<'/api/lots'>;
/** An organisation of the directory: a partner any user can find by name, tax code or GLN. */
export type DirectoryEntry = Item<'/api/organisations/directory'>;
/** A lot the organisation holds, with what is left of it (the shipping and processing forms pick from these). */
export type StockLine = Item<'/api/stock'>;
export const lotStatuses = allOf<Body<'/api/lots/{id}/status', 'put'>['status']>()([
  'active',
  'on_hold',
  'recalled',
  'destroyed',
]);

export type StoredFile = Sent<'/api/files', 'post'>;

export type StampRequest = Item<'/api/stamps/requests'>;
export const stampKinds = allOf<Body<'/api/stamps/requests', 'post'>['kind']>()([
  'traceability',
  'anti_counterfeit',
]);
export type StampRangeSummary = Item<'/api/stamps/ranges'>;
export type StampRange = Got<'/api/stamps/ranges/{id}'>;
