import { describe, expect, it } from 'vitest';
import { canDecide, canManage, canPropose } from '../../../catalogues/catalogues.policy.ts';
import type { Role } from '../../api/session.ts';
import { mayDecide, mayOpenList, mayPropose } from './catalogue-policy.ts';

const roles: Role[] = [
  'dost_admin',
  'dost_reviewer',
  'sector_officer',
  'commune_officer',
  'inspector',
  'org_owner',
  'org_staff',
];
const sectors = ['agriculture', 'industry_trade', 'health', 'other'] as const;

describe("the catalogues page's buttons", () => {
  it('show to exactly whom the server lets act, for every role, own sector or another', () => {
    for (const role of roles)
      for (const own of [...sectors, null])
        for (const sector of sectors) {
          const me = { role, sector: own };
          const actor = { role, sector: own } as never;
          const who = `${role} of ${own ?? 'no sector'} on ${sector}`;
          expect(mayPropose(me, sector), `propose: ${who}`).toBe(canPropose(actor, sector));
          expect(mayDecide(me, sector), `decide: ${who}`).toBe(canDecide(actor, sector));
          // a new list is of the officer's own sector (the admin picks one)
          if (sector === own || role === 'dost_admin')
            expect(mayOpenList(me), `open a list: ${who}`).toBe(canManage(actor, sector));
        }
  });
});
