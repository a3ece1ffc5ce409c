import { useQuery } from '@tanstack/react-query';
import { ApiError, get, setCsrfToken } from './client.ts';

export type Role =
  | 'dost_admin'
  | 'dost_reviewer'
  | 'sector_officer'
  | 'commune_officer'
  | 'inspector'
  | 'org_owner'
  | 'org_staff'
  | 'api_client';

export interface Me {
  id: string;
  name: string;
  email: string | null;
  role: Role;
  permissions: string[];
  organisationIds: string[];
  sector: string | null;
  communes: string[];
  csrfToken: string | null;
  /** A temporary password from the department: nothing but choosing a new one until then. */
  mustChangePassword: boolean;
}

export const staffRoles: Role[] = [
  'dost_admin',
  'dost_reviewer',
  'sector_officer',
  'commune_officer',
  'inspector',
];
export const isStaff = (me: Me) => staffRoles.includes(me.role);
export const reviewerRoles: Role[] = ['dost_admin', 'dost_reviewer', 'sector_officer', 'commune_officer'];

/** The signed-in person, or null when nobody is; keeps the CSRF token for unsafe requests. */
export const meQuery = {
  queryKey: ['me'],
  queryFn: async (): Promise<Me | null> => {
    try {
      const me = await get<Me>('/api/auth/me');
      setCsrfToken(me.csrfToken);
      return me;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  staleTime: 60_000,
  retry: false,
};

export function useMe() {
  return useQuery(meQuery);
}
