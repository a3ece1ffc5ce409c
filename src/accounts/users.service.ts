import { recordAudit } from '../audit/index.ts';
import {
  type Actor,
  badRequest,
  conflict,
  type Db,
  type DbOrTx,
  defineMessages,
  type FieldError,
  forbidden,
  notFound,
  Problem,
  type Sector,
} from '../platform/index.ts';
import { findAdministrativeUnit, getOrganisation } from '../registry/index.ts';
import { canManageUser, organisationRoles, type PersonRole } from './accounts.policy.ts';
import { presentUser, type UserView } from './accounts.presenter.ts';
import { delayedEmails, liftDelay } from './auth.service.ts';
import { checkPassword } from './password-policy.ts';
import { hashPassword } from './secrets.ts';
import { deleteUserSessions } from './sessions.repo.ts';
import * as repo from './users.repo.ts';
import type { UserInput, UserListQuery, UserPatch } from './users.schema.ts';

interface Scope {
  role: PersonRole;
  organisationId: string | null;
  sector: Sector | null;
  communes: string[];
}

/** Each role carries exactly the scope it acts in: an organisation, a sector or communes, or nothing. */
async function checkScope(db: DbOrTx, scope: Scope): Promise<Scope> {
  const errors: FieldError[] = [];
  const isOrgRole = organisationRoles.includes(scope.role);
  if (isOrgRole && !scope.organisationId)
    errors.push({ field: '/body/organisationId', code: 'field.required' });
  if (scope.role === 'sector_officer' && !scope.sector)
    errors.push({ field: '/body/sector', code: 'field.required' });
  if (scope.role === 'commune_officer' && scope.communes.length === 0) {
    errors.push({ field: '/body/communes', code: 'field.required' });
  }
  if (scope.role === 'commune_officer') {
    scope.communes.forEach((code, i) => {
      if (!findAdministrativeUnit(code))
        errors.push({ field: `/body/communes/${i}`, code: 'accounts.unknownCommune' });
    });
  }
  if (errors.length) throw badRequest(errors);
  if (isOrgRole && !(await getOrganisation(db, scope.organisationId!))) {
    throw badRequest([{ field: '/body/organisationId', code: 'accounts.unknownOrganisation' }]);
  }
  return {
    role: scope.role,
    organisationId: isOrgRole ? scope.organisationId : null,
    sector: scope.role === 'sector_officer' ? scope.sector : null,
    communes: scope.role === 'commune_officer' ? [...new Set(scope.communes)] : [],
  };
}

/**
 * Creates an account. `actor: null` is the program itself (the first administrator from the command line, the
 * demo seeder); every request passes its actor and meets the policy. `demo` says whether the demo province is on
 * (only then is the published demo password accepted).
 */
export async function createUser(
  db: Db,
  input: UserInput,
  actor: Actor | null,
  opts: { demo: boolean },
): Promise<UserView> {
  const scope = await checkScope(db, {
    role: input.role,
    organisationId: input.organisationId ?? null,
    sector: input.sector ?? null,
    communes: input.communes ?? [],
  });
  if (actor && !canManageUser(actor, scope)) throw forbidden();
  checkPassword(input.password, { email: input.email, name: input.name, demo: opts.demo }, '/body/password');
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const row = await insertUniqueUser(tx, {
      ...scope,
      email: input.email,
      name: input.name,
      phone: input.phone ?? null,
      passwordHash,
    });
    const view = presentUser(row);
    await recordAudit(tx, {
      actor,
      action: 'create',
      entityType: 'user',
      entityId: row.id,
      organisationId: row.organisationId,
      after: view,
    });
    return view;
  });
}

/** Inserts a user, turning a taken email into 409 (also when two requests race for it). */
export async function insertUniqueUser(tx: DbOrTx, values: repo.NewUserRow) {
  if (await repo.findUserByEmail(tx, values.email))
    throw conflict('accounts.email-taken', { email: values.email });
  return repo.insertUser(tx, values).catch((err) => {
    if ((err?.code ?? err?.cause?.code) === '23505')
      throw conflict('accounts.email-taken', { email: values.email });
    throw err;
  });
}

export async function updateUserAccount(
  db: Db,
  id: string,
  patch: UserPatch,
  actor: Actor,
): Promise<UserView> {
  return db.transaction(async (tx) => {
    const before = await repo.findUserById(tx, id, { forUpdate: true });
    if (!before || !canManageUser(actor, before as repo.UserRow & { role: PersonRole }))
      throw notFound('accounts.user-not-found');
    if (id === actor.id && (patch.disabled === true || (patch.role && patch.role !== before.role))) {
      // the last administrator could otherwise lock everyone out
      throw new Problem(409, 'accounts.not-on-yourself');
    }
    const scope = await checkScope(tx, {
      role: patch.role ?? (before.role as PersonRole),
      organisationId: patch.organisationId !== undefined ? patch.organisationId : before.organisationId,
      sector: patch.sector !== undefined ? patch.sector : before.sector,
      communes: patch.communes ?? before.communes,
    });
    if (!canManageUser(actor, scope)) throw forbidden();
    const row = await repo.updateUser(tx, id, {
      ...scope,
      name: patch.name,
      phone: patch.phone,
      disabled: patch.disabled,
    });
    if (patch.unlock) await liftDelay(tx, row.email);
    // a disabled person or a changed role must not live on in an open session
    const scopeChanged =
      scope.role !== before.role ||
      scope.organisationId !== before.organisationId ||
      scope.sector !== before.sector ||
      scope.communes.join() !== before.communes.join();
    if (patch.disabled || scopeChanged) await deleteUserSessions(tx, id);
    const view = presentUser(row);
    const action = patch.disabled === true ? 'disable' : patch.disabled === false ? 'enable' : 'update';
    await recordAudit(tx, {
      actor,
      action,
      entityType: 'user',
      entityId: id,
      organisationId: row.organisationId,
      before: presentUser(before),
      after: view,
    });
    return { ...view, locked: (await delayedEmails(tx, [row.email])).has(row.email) };
  });
}

export async function listUserAccounts(db: DbOrTx, query: UserListQuery, actor: Actor) {
  const everyone = canManageUser(actor, { role: 'dost_admin', organisationId: null });
  const { rows, total } = await repo.listUsers(
    db,
    {
      q: query.q,
      role: query.role,
      organisationIds: everyone
        ? query.organisationId
          ? [query.organisationId]
          : undefined
        : actor.organisationIds.filter((id) => !query.organisationId || id === query.organisationId),
      disabled: query.disabled === undefined ? undefined : query.disabled === 'true',
    },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  const delayed = await delayedEmails(
    db,
    rows.map((r) => r.email),
  );
  return {
    items: rows.map((r) => presentUser(r, delayed.has(r.email))),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}

export async function readUserAccount(db: DbOrTx, id: string, actor: Actor): Promise<UserView> {
  const row = await repo.findUserById(db, id);
  if (!row || !canManageUser(actor, row as repo.UserRow & { role: PersonRole }))
    throw notFound('accounts.user-not-found');
  return presentUser(row, (await delayedEmails(db, [row.email])).has(row.email));
}

defineMessages({
  'problem.accounts.email-taken': {
    vi: 'Email {email} đã được dùng cho tài khoản khác',
    en: 'The email {email} is already in use',
  },
  'problem.accounts.user-not-found': { vi: 'Không tìm thấy tài khoản', en: 'No such account' },
  'problem.accounts.not-on-yourself': {
    vi: 'Không thể tự khóa hoặc tự đổi vai trò của chính mình',
    en: 'You cannot disable yourself or change your own role',
  },
  'accounts.unknownOrganisation': { vi: 'không có tổ chức này', en: 'no such organisation' },
  'accounts.unknownCommune': { vi: 'không có xã/phường mã này', en: 'no commune or ward with this code' },
});
