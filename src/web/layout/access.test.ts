import { describe, expect, it } from 'vitest';
import type { Role } from '../api/session.ts';
import { mayOpenPath, pageAccess, pageOf } from './access.ts';

const roles: Role[] = [
  'dost_admin',
  'dost_reviewer',
  'sector_officer',
  'commune_officer',
  'inspector',
  'org_owner',
  'org_staff',
];

describe('the route guard reads the same table as the menu', () => {
  it('finds the page an address belongs to, its sub-pages included, and never a page by a mere prefix', () => {
    expect(pageOf('/')?.to).toBe('/');
    expect(pageOf('/lots/0b7e')?.to).toBe('/lots');
    expect(pageOf('/users/')?.to).toBe('/users');
    expect(pageOf('/usersettings')).toBeUndefined();
    expect(pageOf('/account')).toBeUndefined();
  });

  it('lets every role open exactly the pages its menu lists, sub-pages by their page', () => {
    for (const role of roles) {
      for (const page of pageAccess) {
        const listed = page.roles === 'all' || page.roles.includes(role);
        expect({ role, page: page.to, open: mayOpenPath(page.to, role) }).toEqual({
          role,
          page: page.to,
          open: listed,
        });
        if (page.to !== '/') expect(mayOpenPath(`${page.to}/x`, role)).toBe(listed);
      }
    }
  });

  it('keeps the users page from an organisation’s staff and the audit log from staff and keys', () => {
    expect(mayOpenPath('/users', 'org_staff')).toBe(false);
    expect(mayOpenPath('/audit', 'org_staff')).toBe(false);
    expect(mayOpenPath('/audit', 'api_client')).toBe(false);
    for (const role of ['inspector', 'commune_officer', 'sector_officer', 'org_owner'] as const) {
      expect(mayOpenPath('/audit', role)).toBe(true);
    }
  });
});
