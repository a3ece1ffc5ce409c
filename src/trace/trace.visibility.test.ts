import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../epcis/index.ts';
import type { Actor } from '../platform/index.ts';
import { setReviewStatus } from '../registry/index.ts';
import { createTestApp, gln, organisationBody, type TestApp } from '../test/index.ts';
import { eventFilterFor } from './trace.visibility.ts';

let t: TestApp;
let organisationId = '';
const claimed = gln('893000600015');

const owner = (): Actor => ({
  kind: 'user',
  id: 'u-owner',
  name: 'Owner',
  role: 'org_owner',
  organisationIds: [organisationId],
  sector: null,
  communes: [],
});

const event = (
  organisation: string | null,
  link: string,
  kind: 'destination' | 'bizTransaction' = 'destination',
) =>
  ({
    organisationId: organisation,
    links: [{ kind, type: 'owning_party', value: link }],
  }) as unknown as StoredEvent;

beforeAll(async () => {
  t = await createTestApp();
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/organisations',
    headers: t.as({ role: 'dost_admin' }),
    payload: organisationBody(301, { glns: [claimed] }),
  });
  expect(res.statusCode, res.body).toBe(201);
  organisationId = res.json().id;
});
afterAll(() => t?.close());

describe('trace visibility', () => {
  it("visibility by claimed GLNs: a self-declared GLN opens no one else's events until approved", async () => {
    const shipment = event('someone-else', `https://id.gs1.org/417/${claimed}`);
    const draft = (await eventFilterFor(t.db, owner()))!;
    expect(draft(shipment)).toBe(false);
    expect(draft(event(organisationId, 'https://id.gs1.org/417/0000000000000'))).toBe(true);
    expect(draft(event('someone-else', `urn:txng:org:${organisationId}`))).toBe(true);

    for (const status of ['submitted', 'approved'] as const) {
      await setReviewStatus(t.db, { entity: 'organisation', id: organisationId, status, actor: null });
    }
    const approved = (await eventFilterFor(t.db, owner()))!;
    expect(approved(shipment)).toBe(true);
    // party GLNs match as parties, not as locations, and business transactions never grant access
    expect(approved(event('someone-else', `https://id.gs1.org/414/${claimed}`))).toBe(false);
    expect(approved(event('someone-else', `urn:txng:org:${organisationId}`, 'bizTransaction'))).toBe(false);
  });

  it('staff and internal callers see everything', async () => {
    expect(await eventFilterFor(t.db, null)).toBeNull();
    expect(await eventFilterFor(t.db, { ...owner(), role: 'inspector', organisationIds: [] })).toBeNull();
  });
});
