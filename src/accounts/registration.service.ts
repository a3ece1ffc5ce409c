import { recordAudit } from '../audit/index.ts';
import type { Db } from '../platform/index.ts';
import { createOrganisation } from '../registry/index.ts';
import { presentUser } from './accounts.presenter.ts';
import { checkPassword } from './password-policy.ts';
import type { RegistrationInput } from './registration.schema.ts';
import { actorOfUser } from './resolve-actor.ts';
import { hashPassword } from './secrets.ts';
import { updateUser } from './users.repo.ts';
import { insertUniqueUser } from './users.service.ts';

/**
 * A producer registers itself: its owner account and its organisation profile (a draft, which the owner then
 * submits for review), both or neither. The account acts only for that organisation, and nothing of it is public
 * before the department approves.
 */
export async function registerProducer(db: Db, input: RegistrationInput, opts: { demo: boolean }) {
  const { email, name, password } = input.account;
  checkPassword(password, { email, name, demo: opts.demo }, '/body/account/password');
  const passwordHash = await hashPassword(input.account.password);
  return db.transaction(async (tx) => {
    const user = await insertUniqueUser(tx, {
      email: input.account.email,
      name: input.account.name,
      phone: input.account.phone ?? null,
      role: 'org_owner',
      passwordHash,
    });
    // the registrant acts as an owner of no organisation yet: the registry lets such a person register one
    const organisation = await createOrganisation(tx as unknown as Db, input.organisation, actorOfUser(user));
    const owner = await updateUser(tx, user.id, { organisationId: organisation.id });
    await recordAudit(tx, {
      actor: actorOfUser(owner),
      action: 'register',
      entityType: 'user',
      entityId: owner.id,
      organisationId: organisation.id,
      after: presentUser(owner),
    });
    return { owner, organisation };
  });
}
