import type { Role } from '../../platform/index.ts';
import type { Caller } from './walk.ts';

/**
 * Who may come through each endpoint's door (docs/requirements.md §1, §2 E.24). `allow` lists the roles let in;
 * every other role is refused. `gated` routes refuse at the door (403 before the body is read), so a refused role
 * must see exactly 403; elsewhere a refused role may also meet 400/404 first, but never a success.
 * Endpoints not in this table are still walked: no 5xx, and nothing succeeds for an anonymous caller.
 */
export interface Access {
  public?: true;
  allow: readonly Role[];
  gated?: true;
}

const A = 'dost_admin';
const R = 'dost_reviewer';
const S = 'sector_officer';
const C = 'commune_officer';
const I = 'inspector';
const O = 'org_owner';
const T = 'org_staff';
const K = 'api_client';

const everyone: Role[] = [A, R, S, C, I, O, T, K];
const people: Role[] = [A, R, S, C, I, O, T];
/** The organisation side: its people and its API keys, plus the department's administrator. */
const owners: Role[] = [A, O, T, K];

export const accessTable: Record<string, Access> = {
  // accounts
  'POST /api/auth/sign-in': { public: true, allow: everyone },
  'POST /api/auth/sign-out': { allow: people, gated: true },
  'POST /api/auth/sign-out-everywhere': { allow: people, gated: true },
  'GET /api/auth/me': { allow: everyone, gated: true },
  'POST /api/auth/password': { allow: people, gated: true },
  'POST /api/auth/password-reset-requests': { public: true, allow: everyone },
  'POST /api/auth/password-reset': { public: true, allow: everyone },
  'POST /api/registrations': { public: true, allow: everyone },
  'GET /api/users': { allow: [A, O], gated: true },
  'POST /api/users': { allow: [A, O], gated: true },
  'GET /api/users/{id}': { allow: [A, O], gated: true },
  'PATCH /api/users/{id}': { allow: [A, O], gated: true },
  'POST /api/users/{id}/password-reset': { allow: [A], gated: true },
  'GET /api/api-keys': { allow: [A, O], gated: true },
  'POST /api/api-keys': { allow: [A, O], gated: true },
  'DELETE /api/api-keys/{id}': { allow: [A, O], gated: true },
  // review
  'GET /api/review/items': { allow: everyone, gated: true },
  'GET /api/review/items/{id}': { allow: everyone, gated: true },
  'POST /api/review/items/{id}/decision': { allow: [A, R, S, C], gated: true },
  'POST /api/review/submissions': { allow: [A, O, T, K], gated: true },
  'GET /api/review/approval-needs': { public: true, allow: everyone },
  // audit
  // officers and owners within their scope (decision 013); an organisation's staff and keys never
  'GET /api/audit': { allow: [A, R, S, C, I, O], gated: true },
  'GET /api/audit/verify': { public: true, allow: everyone },
  // proofs (issue 16 §2): checkpoints, keys and proofs are public; signing one on demand is the administrator's
  'GET /api/proofs/checkpoints': { public: true, allow: everyone },
  'GET /api/proofs/checkpoints/export': { public: true, allow: everyone },
  'GET /api/proofs/checkpoints/{seq}': { public: true, allow: everyone },
  'POST /api/proofs/checkpoints': { allow: [A], gated: true },
  'GET /api/proofs/public-key': { public: true, allow: everyone },
  'GET /api/proofs/public-key.pem': { public: true, allow: everyone },
  'GET /api/proofs/records/{id}': { public: true, allow: everyone },
  'GET /api/proofs/events': { public: true, allow: everyone },
  // inspections (issue 12 §2): inspectors and the admin decide; the department, officers in scope and the
  // inspected owner read; an organisation's staff and API keys never
  'POST /api/inspections/actions': { allow: [A, I], gated: true },
  'POST /api/inspections/actions/{id}/lift': { allow: [A, I], gated: true },
  'GET /api/inspections/actions': { allow: [A, R, S, C, I, O], gated: true },
  'POST /api/inspections/visits': { allow: [A, I], gated: true },
  'GET /api/inspections/visits': { allow: [A, R, S, C, I, O], gated: true },
  'GET /api/inspections/visits/{id}': { allow: [A, R, S, C, I, O], gated: true },
  'POST /api/inspections/visits/{id}/findings': { allow: [A, I], gated: true },
  // registry
  'GET /api/administrative-units': { public: true, allow: everyone },
  'GET /api/commune-boundaries': { public: true, allow: everyone },
  'GET /api/organisations': { allow: everyone },
  'POST /api/organisations': { allow: [A, C] },
  'GET /api/organisations/{id}': { allow: everyone },
  'PATCH /api/organisations/{id}': { allow: owners },
  'POST /api/organisations/{id}/certificates': { allow: owners },
  'DELETE /api/organisations/{id}/certificates/{certificateId}': { allow: owners },
  'GET /api/locations': { allow: everyone },
  'POST /api/locations': { allow: owners },
  'GET /api/locations/{id}': { allow: everyone },
  'PATCH /api/locations/{id}': { allow: owners },
  'GET /api/products': { allow: everyone },
  'POST /api/products': { allow: owners },
  'GET /api/products/{id}': { allow: everyone },
  'PATCH /api/products/{id}': { allow: owners },
  'GET /api/lots': { allow: everyone },
  'POST /api/lots': { allow: owners },
  'GET /api/lots/{id}': { allow: everyone },
  'PATCH /api/lots/{id}': { allow: owners },
  'PUT /api/lots/{id}/status': { allow: [...owners, I] },
  // passport and e-label (issue 16 §1, decision 058): the department's admin keeps the goods groups; a product's
  // label is read in the registry's scope and written by its organisation (another's: 404/403)
  'GET /api/goods-groups': { allow: everyone, gated: true },
  'POST /api/goods-groups': { allow: [A], gated: true },
  'PATCH /api/goods-groups/{code}': { allow: [A], gated: true },
  'GET /api/products/{id}/label': { allow: everyone, gated: true },
  'PUT /api/products/{id}/label': { allow: owners },
  'GET /api/products/{id}/passport-versions': { allow: everyone, gated: true },
  // trace
  'GET /api/trace': { allow: everyone },
  'GET /api/trace/recall': { allow: everyone },
  // EPCIS 2.0: capture by organisations (and the department), queries by anyone signed in, filtered by visibility
  // only organisations speak for goods: the department's staff capture nothing (docs/security.md)
  'POST /epcis/capture': { allow: [O, T, K] },
  'POST /epcis/events': { allow: [O, T, K] },
  'POST /api/stages': { allow: [O, T, K] },
  'POST /api/diary': { allow: [O, T, K] },
  'GET /epcis/capture': { allow: everyone },
  'GET /epcis/capture/{captureId}': { allow: everyone },
  'GET /epcis/events': { allow: everyone },
  'GET /epcis/events/{eventId}': { allow: everyone },
  // the binding's navigation resources answer a fixed ["events"] and reveal nothing
  'GET /epcis/eventTypes/{value}': { public: true, allow: everyone },
  'GET /epcis/bizSteps/{value}': { public: true, allow: everyone },
  'GET /epcis/dispositions/{value}': { public: true, allow: everyone },
  'GET /epcis/readPoints/{value}': { public: true, allow: everyone },
  'GET /epcis/bizLocations/{value}': { public: true, allow: everyone },
  'GET /epcis/epcs/{value}': { public: true, allow: everyone },
  // the binding's top-level resources: a fixed list of nine names
  'GET /epcis': { public: true, allow: everyone },
  // consumer reports are read by the department's admin, reviewers and inspectors
  'GET /api/reports': { allow: [A, R, I] },
  'GET /api/reports/{id}/photo': { allow: [A, R, I] },
  // sensors (decision 059): devices and thresholds are the organisation's; a device writes with its own key only
  'GET /api/sensors/devices': { allow: [A, O, T], gated: true },
  'POST /api/sensors/devices': { allow: [A, O, T], gated: true },
  'DELETE /api/sensors/devices/{id}': { allow: [A, O, T], gated: true },
  'POST /api/sensors/devices/{id}/readings': { public: true, allow: [] },
  'POST /api/sensors/devices/{id}/readings/batch': { public: true, allow: [] },
  'GET /api/sensors/thresholds': { allow: [A, O, T], gated: true },
  'POST /api/sensors/thresholds': { allow: [A, O, T], gated: true },
  'DELETE /api/sensors/thresholds/{id}': { allow: [A, O, T], gated: true },
  'GET /api/sensors/alerts': { allow: [A, R, S, O, T, K], gated: true },
  'GET /api/sensors/lots/{id}': { allow: [A, R, S, O, T, K], gated: true },
  'POST /api/sensors/excursions/{id}/publish': { allow: [A, R, S], gated: true },
  'POST /api/sensors/excursions/{id}/unpublish': { allow: [A, R, S], gated: true },
  // school kitchens (decision 060): the school or caterer records; the department, inspectors, commune officers
  // and the health sector's officers read (this table's sector officer is agriculture's, refused at the door)
  'GET /api/kitchens': { allow: [A, R, C, I, O, T, K], gated: true },
  'POST /api/kitchens': { allow: [A, O], gated: true },
  'GET /api/kitchens/overview': { allow: [A, R, C, I], gated: true },
  'GET /api/kitchens/{id}': { allow: [A, R, C, I, O, T, K], gated: true },
  'GET /api/kitchens/{id}/receipts': { allow: [A, R, C, I, O, T, K], gated: true },
  'POST /api/kitchens/{id}/receipts': { allow: [O, T, K] },
  'GET /api/kitchens/{id}/menu': { allow: [A, R, C, I, O, T, K], gated: true },
  'POST /api/kitchens/{id}/dishes': { allow: [O, T, K] },
  'GET /api/kitchens/{id}/samples': { allow: [A, R, C, I, O, T, K], gated: true },
  'POST /api/kitchens/{id}/samples': { allow: [O, T, K] },
  'POST /api/kitchens/{id}/samples/{sampleId}/discard': { allow: [O, T, K] },
};

export const callerNames: Record<Caller, string> = {
  anonymous: 'an anonymous caller',
  dost_admin: 'the department administrator',
  dost_reviewer: 'a department reviewer',
  sector_officer: 'a sector officer',
  commune_officer: 'a commune officer',
  inspector: 'an inspector',
  org_owner: 'an organisation owner',
  org_staff: 'an organisation’s staff member',
  api_client: 'an API key',
};
