import { describe, expect, it } from 'vitest';
import { offlineReads } from './warm.ts';

describe('what the phone keeps for the offline forms', () => {
  it('asks the addresses the diary and stage forms ask, for a person of one organisation', () => {
    expect(offlineReads({ role: 'org_owner', organisationIds: ['o1'] })).toEqual([
      '/api/locations?pageSize=50&organisationId=o1',
      '/api/products?pageSize=50',
      '/api/stock?pageSize=50&organisationId=o1',
    ]);
  });

  it('asks nothing for the department, nor for a person acting for several organisations', () => {
    expect(offlineReads({ role: 'dost_admin', organisationIds: [] })).toEqual([]);
    expect(offlineReads({ role: 'org_staff', organisationIds: ['o1', 'o2'] })).toEqual([]);
  });
});
