import type { Actor, Db } from '../platform/index.ts';
import { getOrganisation, listLocations, listLots, listProducts } from '../registry/index.ts';
import { mayDecideSomething } from './review.policy.ts';
import { listQueue } from './review.service.ts';

/** Days before a certificate's end from which it is "expiring". */
const expiringDays = 60;

export interface Todo {
  /** For reviewers: items waiting for their decision, oldest first (5), and how many in all. */
  toReview: {
    total: number;
    oldest: { id: string; title: string; entityType: string; submittedAt: string }[];
  };
  /** For an organisation: its records the department returned or rejected, with the reason, to fix. */
  toFix: { entityType: string; id: string; name: string; status: string; reason: string | null }[];
  /** For an organisation: its certificates that ended or end within 60 days. */
  certificates: { organisationId: string; kind: string; number: string; validTo: string; expired: boolean }[];
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The dashboard's "Việc cần làm": what each role should do next, each entry leading to where it is done. */
export async function todoFor(db: Db, actor: Actor): Promise<Todo> {
  const todo: Todo = { toReview: { total: 0, oldest: [] }, toFix: [], certificates: [] };
  if (mayDecideSomething(actor)) {
    const queue = await listQueue(db, { status: 'pending', page: 1, pageSize: 5 }, actor);
    todo.toReview = {
      total: queue.total,
      oldest: queue.rows.map((r) => ({
        id: r.id,
        title: r.title,
        entityType: r.entityType,
        submittedAt: r.submittedAt.toISOString(),
      })),
    };
  }
  if (!actor.organisationIds.length) return todo;
  const page = { page: 1, pageSize: 20 };
  for (const reviewStatus of ['returned', 'rejected'] as const) {
    const [products, locations, lots] = await Promise.all([
      listProducts(db, { ...page, reviewStatus }, actor),
      listLocations(db, { ...page, reviewStatus }, actor),
      listLots(db, { ...page, reviewStatus }, actor),
    ]);
    todo.toFix.push(
      ...products.items.map((p) => ({
        entityType: 'product',
        id: p.id,
        name: p.name,
        status: reviewStatus,
        reason: p.reviewNote,
      })),
      ...locations.items.map((l) => ({
        entityType: 'location',
        id: l.id,
        name: l.name,
        status: reviewStatus,
        reason: l.reviewNote,
      })),
      ...lots.items.map((l) => ({
        entityType: 'lot',
        id: l.id,
        name: `${l.productName} — ${l.lot}`,
        status: reviewStatus,
        reason: l.reviewNote,
      })),
    );
  }
  const soon = isoDay(new Date(Date.now() + expiringDays * 86_400_000));
  const today = isoDay(new Date());
  for (const id of actor.organisationIds) {
    const organisation = await getOrganisation(db, id);
    if (!organisation) continue;
    if (organisation.reviewStatus === 'returned' || organisation.reviewStatus === 'rejected')
      todo.toFix.unshift({
        entityType: 'organisation',
        id,
        name: organisation.name,
        status: organisation.reviewStatus,
        reason: organisation.reviewNote,
      });
    for (const c of organisation.certificates)
      if (c.validTo && c.validTo <= soon)
        todo.certificates.push({
          organisationId: id,
          kind: c.kind,
          number: c.number,
          validTo: c.validTo,
          expired: c.validTo < today,
        });
  }
  return todo;
}
