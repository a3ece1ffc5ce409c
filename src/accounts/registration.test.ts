import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getOrganisation } from '../registry/index.ts';
import { createTestApp, type TestApp, taxCode, testPassword } from '../test/index.ts';
import { users } from './accounts.schema.ts';

// Registration creates the organisation through the registry as its new owner, who acts for no organisation yet;
// the registry's policy accepts that actor (canRegisterOrganisation, see the accounts section of docs/api.md).

describe('producer self-registration', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, { realAuth: true });
  });
  afterAll(() => t.close());

  const registration = (email: string, taxCode: string) => ({
    account: { email, name: 'Nguyễn Thị Hoa', phone: '0912 345 678', password: testPassword },
    organisation: {
      name: 'Hộ kinh doanh Sầu riêng Hoa',
      taxCode,
      type: 'household',
      sector: 'agriculture',
      communeCode: '75W010',
      streetAddress: 'Ấp Bình Xuân, phường Long Khánh',
      representative: 'Nguyễn Thị Hoa',
    },
  });

  it('creates the owner and the organisation as a draft, signs the owner in, and lets them submit it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/registrations',
      payload: registration('hoa@example.vn', taxCode()),
    });
    expect(res.statusCode, res.body).toBe(201);
    const { me, organisation } = res.json();
    expect(organisation).toMatchObject({ reviewStatus: 'draft', communeCode: '75W010' });
    expect(me).toMatchObject({
      role: 'org_owner',
      organisationIds: [organisation.id],
      email: 'hoa@example.vn',
    });
    const cookie = String(res.headers['set-cookie']).split(';')[0];

    const submitted = await t.app.inject({
      method: 'POST',
      url: '/api/review/submissions',
      headers: { cookie, 'x-csrf-token': me.csrfToken },
      payload: { entityType: 'organisation', entityId: organisation.id },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    expect((await getOrganisation(t.db, organisation.id))?.reviewStatus).toBe('submitted');
  });

  it('stores nothing when any part fails: a taken tax code leaves no account behind', async () => {
    const taken = taxCode();
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/registrations',
          payload: registration('first@example.vn', taken),
        })
      ).statusCode,
    ).toBe(201);
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/registrations',
      payload: registration('second@example.vn', taken),
    });
    expect(second.statusCode).toBe(409);
    expect(await t.db.select().from(users).where(eq(users.email, 'second@example.vn'))).toEqual([]);
  });

  it('names the bad fields of a registration', async () => {
    const body = registration('x@example.vn', '0123456788');
    body.account.password = 'short';
    const res = await t.app.inject({ method: 'POST', url: '/api/registrations', payload: body });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('/body/account/password');
  });
});
