import type { Me } from '../../api/session.ts';

/**
 * Who may do what with the sector lists, as the server decides it (src/catalogues/catalogues.policy.ts;
 * catalogue-policy.test.ts checks they agree): the page shows a button only to whom the server would let act.
 */
type Reader = Pick<Me, 'role' | 'sector'>;

const mayManage = (me: Reader, sector: string) =>
  me.role === 'dost_admin' || (me.role === 'sector_officer' && me.sector === sector);
/** Opens a new list: the admin, or a sector officer (for their own sector). */
export const mayOpenList = (me: Reader) => me.role === 'dost_admin' || me.role === 'sector_officer';
/** Drafts, edits and submits a version: the list's managers and commune officers. */
export const mayPropose = (me: Reader, sector: string) =>
  mayManage(me, sector) || me.role === 'commune_officer';
/** Approves or returns a submitted version: the department's reviewer, the admin, the sector's own officer. */
export const mayDecide = (me: Reader, sector: string) => me.role === 'dost_reviewer' || mayManage(me, sector);
