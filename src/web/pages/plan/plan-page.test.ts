import { describe, expect, it } from 'vitest';
import { type Actor, permissionsOf } from '../../../platform/index.ts';
import '../../../plan/plan.policy.ts';
import { pageAccess } from '../../layout/access.ts';
import { mayEditPlan, vietnamToday, yearsOf } from './types.ts';
import en from './words.en.json';
import vi from './words.vi.json';

const roles = [
  'dost_admin',
  'dost_reviewer',
  'sector_officer',
  'commune_officer',
  'inspector',
  'org_owner',
  'org_staff',
] as const;
const actor = (role: (typeof roles)[number]): Actor => ({
  kind: 'user',
  id: 'x',
  name: 'x',
  role,
  organisationIds: [],
  sector: null,
  communes: [],
});

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );

describe('the plan page', () => {
  it('opens for exactly the roles the server lets read the plan, and shows its buttons to those who may edit it', () => {
    const page = pageAccess.find((p) => p.to === '/plan');
    for (const role of roles) {
      const permissions = permissionsOf(actor(role));
      const reads = permissions.includes('read:plan:all');
      expect(page?.roles === 'all' || page?.roles.includes(role), role).toBe(reads);
      expect(mayEditPlan(permissions), role).toBe(role === 'dost_admin');
    }
  });

  it('lists the years of the plan, and today in Vietnam even at 23:30 UTC', () => {
    expect(yearsOf({ startYear: 2026, endYear: 2030 })).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(vietnamToday(Date.parse('2026-12-31T17:30:00Z'))).toBe('2027-01-01');
  });

  it('has every word in Vietnamese and in English', () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort());
  });
});
