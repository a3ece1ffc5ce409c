import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, epcisDocument, makeOrganisation, objectEvent, type TestApp } from '../test/index.ts';
import { findEventsByIds } from './epcis.service.ts';

const gtin = 'https://id.gs1.org/01/08934567000017';
const eventId = (n: number) => `urn:uuid:5ec0a1e5-0000-4000-8000-${String(n).padStart(12, '0')}`;

let t: TestApp;
let orgA: string;
let orgB: string;
let asA: Record<string, string>;
let asB: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  orgA = (await makeOrganisation(t.db)).id;
  orgB = (await makeOrganisation(t.db)).id;
  asA = t.as({ role: 'org_owner', organisationIds: [orgA] });
  asB = t.as({ role: 'org_owner', organisationIds: [orgB] });
});
afterAll(() => t.close());

const capture = (events: unknown[], headers: Record<string, string>) =>
  t.app.inject({
    method: 'POST',
    url: '/epcis/capture',
    headers: { ...headers, 'content-type': 'application/ld+json', 'accept-language': 'en' },
    payload: JSON.stringify(epcisDocument(events)),
  });

/** The original event `n` about serial `sec-n`, and a declaration that it was wrong. */
const original = (n: number) => objectEvent(`sec-${n}`, { eventID: eventId(n) });
const declaration = (n: number) =>
  objectEvent(`sec-${n}`, {
    eventID: eventId(n),
    errorDeclaration: { declarationTime: '2024-05-02T08:00:00+07:00', reason: 'incorrect_data' },
  });
const visible = async (n: number) =>
  (await findEventsByIds(t.db, { ids: [`${gtin}/21/sec-${n}`] })).map((e) => e.eventId).includes(eventId(n));

describe('error declarations across organisations', () => {
  it("refuses one organisation's errorDeclaration of another's event, which stays visible", async () => {
    expect((await capture([original(1)], asA)).statusCode).toBe(202);
    const res = await capture([objectEvent('sec-side'), declaration(1)], asB);
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual([
      expect.objectContaining({
        field: '/epcisBody/eventList/1/errorDeclaration',
        code: 'epcis.errorDeclaration.notOwner',
        message: expect.stringContaining(eventId(1)),
      }),
    ]);
    expect(await visible(1)).toBe(true);
    // nothing of the refused document is stored
    expect(await findEventsByIds(t.db, { ids: [`${gtin}/21/sec-side`] })).toEqual([]);
  });

  it("ignores another organisation's declaration stored before the original", async () => {
    expect((await capture([declaration(2)], asB)).statusCode).toBe(202);
    expect((await capture([original(2)], asA)).statusCode).toBe(202);
    expect(await visible(2)).toBe(true);
  });

  it('still lets an organisation declare its own event erroneous', async () => {
    expect((await capture([original(3), original(4)], asA)).statusCode).toBe(202);
    expect((await capture([declaration(3)], asA)).statusCode).toBe(202);
    expect(await visible(3)).toBe(false);
    expect((await capture([declaration(4)], t.as({ role: 'dost_admin' }))).statusCode).toBe(403);
    expect(await visible(4)).toBe(true);
  });
});

describe('capturing in an organisation’s name', () => {
  it('department staff capture nothing, in their own name or an organisation’s', async () => {
    const staff = ['dost_admin', 'inspector', 'sector_officer', 'commune_officer', 'dost_reviewer'] as const;
    for (const role of staff) {
      const named = await capture([original(10)], { ...t.as({ role }), 'x-organisation-id': orgA });
      expect(named.statusCode, role).toBe(403);
      const own = await capture([original(11)], t.as({ role }));
      expect(own.statusCode, role).toBe(403);
      expect(own.json().type).toBe('epcisException:SecurityException');
      expect(own.json().code).toBe('/problems/epcis-capture-staff');
    }
    expect(await visible(10)).toBe(false);
    expect(await visible(11)).toBe(false);
  });
});

describe('eventIDs across organisations', () => {
  it('refuses an eventID another organisation already holds, instead of silently dropping the event', async () => {
    expect((await capture([original(20)], asA)).statusCode).toBe(202);
    const taken = await capture([original(20)], asB);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors[0]).toMatchObject({
      field: '/epcisBody/eventList',
      code: 'epcis.eventID.taken',
    });
    expect(taken.json().errors[0].message).toContain(eventId(20));
  });

  it('still stores the owner’s repeated capture once', async () => {
    expect((await capture([original(21)], asA)).statusCode).toBe(202);
    expect((await capture([original(21)], asA)).statusCode).toBe(202);
    const found = await findEventsByIds(t.db, { ids: [`${gtin}/21/sec-21`] });
    expect(found.filter((e) => e.eventId === eventId(21))).toHaveLength(1);
  });
});

describe('a declaration made before the original', () => {
  it('does not stop the owner from declaring its own event erroneous later', async () => {
    // B declares an eventID nobody holds yet; A then captures the original and declares it wrong itself
    expect((await capture([declaration(30)], asB)).statusCode).toBe(202);
    expect((await capture([original(30)], asA)).statusCode).toBe(202);
    expect(await visible(30)).toBe(true);
    expect((await capture([declaration(30)], asA)).statusCode).toBe(202);
    expect(await visible(30)).toBe(false);
  });
});
