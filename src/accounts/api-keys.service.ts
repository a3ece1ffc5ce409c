import { recordAudit } from '../audit/index.ts';
import {
  type Actor,
  badRequest,
  type Db,
  type DbOrTx,
  defineMessages,
  forbidden,
  notFound,
} from '../platform/index.ts';
import { getOrganisationsByIds } from '../registry/index.ts';
import { canIssueApiKey, canRevokeApiKey, canSeeApiKey } from './accounts.policy.ts';
import { presentApiKey } from './accounts.presenter.ts';
import * as repo from './api-keys.repo.ts';
import type { ApiKeyInput, ApiKeyListQuery } from './api-keys.schema.ts';
import { randomToken, sha256 } from './secrets.ts';

/**
 * A key reads `txng_<prefix>_<secret>`: the prefix names the key in lists and logs, the secret (256 bits) is known
 * only to its holder; the whole key is hashed, so the table holds nothing that signs a request.
 */
function newKey() {
  const prefix = randomToken(6).replace(/[-_]/g, 'x').slice(0, 8);
  const key = `txng_${prefix}_${randomToken(32)}`;
  return { prefix, key, secretHash: sha256(key) };
}

export async function issueApiKey(db: Db, input: ApiKeyInput, actor: Actor) {
  const organisationIds = [...new Set(input.organisationIds ?? actor.organisationIds)];
  if (organisationIds.length === 0)
    throw badRequest([{ field: '/body/organisationIds', code: 'field.required' }]);
  if (!canIssueApiKey(actor, organisationIds)) throw forbidden();
  const known = new Set((await getOrganisationsByIds(db, organisationIds)).map((o) => o.id));
  const unknown = organisationIds.findIndex((id) => !known.has(id));
  if (unknown >= 0) {
    throw badRequest([{ field: `/body/organisationIds/${unknown}`, code: 'accounts.unknownOrganisation' }]);
  }
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt.getTime() <= Date.now()) {
    throw badRequest([{ field: '/body/expiresAt', code: 'accounts.expiryInPast' }]);
  }
  const { prefix, key, secretHash } = newKey();
  return db.transaction(async (tx) => {
    const row = await repo.insertApiKey(tx, {
      name: input.name,
      prefix,
      secretHash,
      organisationIds,
      createdBy: actor.id,
      expiresAt,
    });
    const view = presentApiKey(row);
    await recordAudit(tx, {
      actor,
      action: 'create',
      entityType: 'api_key',
      entityId: row.id,
      organisationId: organisationIds.length === 1 ? organisationIds[0] : null,
      after: view,
    });
    return { ...view, key };
  });
}

export async function listApiKeysFor(db: DbOrTx, query: ApiKeyListQuery, actor: Actor) {
  const everyone = canSeeApiKey(actor, []);
  const { rows, total } = await repo.listApiKeys(
    db,
    {
      organisationIds: everyone ? undefined : actor.organisationIds,
      includeRevoked: query.includeRevoked === 'true',
    },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  return { items: rows.map(presentApiKey), page: query.page, pageSize: query.pageSize, total };
}

export async function revokeApiKeyFor(db: Db, id: string, actor: Actor) {
  return db.transaction(async (tx) => {
    const key = await repo.findApiKey(tx, id);
    if (!key || !canSeeApiKey(actor, key.organisationIds)) throw notFound('accounts.api-key-not-found');
    if (!canRevokeApiKey(actor, key.organisationIds)) throw forbidden();
    const row = (await repo.revokeApiKey(tx, id, actor.id)) ?? key;
    const view = presentApiKey(row);
    await recordAudit(tx, {
      actor,
      action: 'revoke',
      entityType: 'api_key',
      entityId: id,
      before: presentApiKey(key),
      after: view,
    });
    return view;
  });
}

defineMessages({
  'problem.accounts.api-key-not-found': { vi: 'Không tìm thấy khóa API', en: 'No such API key' },
  'accounts.expiryInPast': { vi: 'thời hạn phải ở tương lai', en: 'must be in the future' },
});
