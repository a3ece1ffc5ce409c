import { and, desc, eq, gte, lte } from 'drizzle-orm';
import { recordAudit } from '../audit/index.ts';
import { checkFilesOwnedBy, departmentFilesOwner, uploadFile } from '../files/index.ts';
import {
  type Actor,
  badRequest,
  type Db,
  type DbOrTx,
  type FieldError,
  forbidden,
  notFound,
} from '../platform/index.ts';
import { getOrganisationsByIds } from '../registry/index.ts';
import type { CourseInput, CourseView } from './programmes.api.ts';
import { mayManageProgrammes, mayReadProgrammes } from './programmes.policy.ts';
import { trainingCourses } from './programmes.schema.ts';
import './programmes.messages.ts';

type CourseRow = typeof trainingCourses.$inferSelect;

/** Stores a course material (an image or a PDF) as one of the department's files. */
export async function uploadMaterial(
  db: Db,
  actor: Actor,
  upload: { bytes: Buffer; fileName: string | null },
) {
  if (!mayManageProgrammes(actor)) throw forbidden();
  return uploadFile(db, actor, departmentFilesOwner, upload);
}

/** The organisations a record names, by name; checks each exists and points at the one that does not. */
export async function namedOrganisations(db: DbOrTx, ids: string[], field: (i: number) => string) {
  const found = new Map((await getOrganisationsByIds(db, ids)).map((o) => [o.id, o]));
  const errors: FieldError[] = ids.flatMap((id, i) =>
    found.has(id) ? [] : [{ field: field(i), code: 'programmes.organisationUnknown' }],
  );
  return { found, errors };
}

async function present(db: DbOrTx, rows: CourseRow[]): Promise<CourseView[]> {
  const names = new Map(
    (
      await getOrganisationsByIds(
        db,
        rows.flatMap((r) => r.organisationIds),
      )
    ).map((o) => [o.id, o.name]),
  );
  return rows.map((r) => ({
    id: r.id,
    topic: r.topic,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    organiser: r.organiser,
    place: r.place,
    trainers: r.trainers,
    organisations: r.organisationIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    people: r.people,
    materials: r.materials.map((m) => ({
      title: m.title,
      link: m.link,
      fileId: m.fileId ?? null,
      fileUrl: m.fileId ? `/files/${m.fileId}` : null,
    })),
    participantCount: r.participantCount,
    note: r.note,
  }));
}

async function checked(db: DbOrTx, input: CourseInput) {
  const organisationIds = [...new Set(input.organisationIds)];
  const { errors } = await namedOrganisations(db, organisationIds, (i) => `/body/organisationIds/${i}`);
  for (const [i, m] of input.materials.entries())
    if (m.fileId && (await checkFilesOwnedBy(db, [m.fileId], departmentFilesOwner, '/body/materials')).length)
      errors.push({ field: `/body/materials/${i}/fileId`, code: 'files.notFound', params: { id: m.fileId } });
  const endsOn = input.endsOn ?? input.startsOn;
  if (endsOn < input.startsOn) errors.push({ field: '/body/endsOn', code: 'programmes.endsOn' });
  if (errors.length) throw badRequest(errors);
  return {
    topic: input.topic,
    startsOn: input.startsOn,
    endsOn,
    organiser: input.organiser,
    place: input.place,
    trainers: input.trainers,
    organisationIds,
    people: input.people,
    materials: input.materials.map((m) => ({
      title: m.title,
      link: m.link ?? null,
      fileId: m.fileId ?? null,
    })),
    // without a count given, the people named: one per organisation and each person listed
    participantCount: input.participantCount ?? organisationIds.length + input.people.length,
    note: input.note || null,
  };
}

export async function createCourse(db: Db, input: CourseInput, actor: Actor): Promise<CourseView> {
  if (!mayManageProgrammes(actor)) throw forbidden();
  const values = await checked(db, input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(trainingCourses)
      .values({ ...values, createdBy: actor.id })
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'create',
      entityType: 'training_course',
      entityId: row.id,
      organisationId: null,
      after: row,
    });
    return (await present(tx, [row]))[0]!;
  });
}

export async function updateCourse(
  db: Db,
  id: string,
  input: CourseInput,
  actor: Actor,
): Promise<CourseView> {
  if (!mayManageProgrammes(actor)) throw forbidden();
  const values = await checked(db, input);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(trainingCourses).where(eq(trainingCourses.id, id)).for('update');
    if (!before) throw notFound('programmes.course-not-found');
    const [row] = await tx.update(trainingCourses).set(values).where(eq(trainingCourses.id, id)).returning();
    await recordAudit(tx, {
      actor,
      action: 'update',
      entityType: 'training_course',
      entityId: id,
      organisationId: null,
      before,
      after: row,
    });
    return (await present(tx, [row]))[0]!;
  });
}

/** Courses, latest first; a year keeps those that started in it. */
export async function listCourses(db: DbOrTx, actor: Actor, year?: number): Promise<CourseView[]> {
  if (!mayReadProgrammes(actor)) throw forbidden();
  const rows = await db
    .select()
    .from(trainingCourses)
    .where(
      year
        ? and(gte(trainingCourses.startsOn, `${year}-01-01`), lte(trainingCourses.startsOn, `${year}-12-31`))
        : undefined,
    )
    .orderBy(desc(trainingCourses.startsOn), desc(trainingCourses.createdAt));
  return present(db, rows);
}

export async function getCourse(db: DbOrTx, id: string, actor: Actor): Promise<CourseView> {
  if (!mayReadProgrammes(actor)) throw forbidden();
  const [row] = await db.select().from(trainingCourses).where(eq(trainingCourses.id, id));
  if (!row) throw notFound('programmes.course-not-found');
  return (await present(db, [row]))[0]!;
}
