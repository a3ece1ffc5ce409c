import { and, count, countDistinct, eq, gte, inArray, lte, ne } from 'drizzle-orm';
import { type FormulaResult, type Period, registerIndicatorFormula } from '../plan/index.ts';
import type { DbOrTx } from '../platform/index.ts';
import {
  supportProgrammes,
  supportRecipients,
  surveyResponses,
  surveys,
  trainingCourses,
} from './programmes.schema.ts';

const heldIn = (period: Period) =>
  and(gte(trainingCourses.startsOn, period.from), lte(trainingCourses.startsOn, period.to));

/** Training courses that started within the period. */
export async function coursesHeld(db: DbOrTx, period: Period): Promise<FormulaResult> {
  const [row] = await db.select({ n: count() }).from(trainingCourses).where(heldIn(period));
  return { value: Number(row?.n ?? 0) };
}

/** Different organisations among the participants of the courses that started within the period. */
export async function organisationsTrained(db: DbOrTx, period: Period): Promise<FormulaResult> {
  const rows = await db
    .select({ ids: trainingCourses.organisationIds })
    .from(trainingCourses)
    .where(heldIn(period));
  return { value: new Set(rows.flatMap((r) => r.ids)).size };
}

/** Different organisations given support within the period by a programme that is running or finished. */
export async function organisationsSupported(db: DbOrTx, period: Period): Promise<FormulaResult> {
  const [row] = await db
    .select({ n: countDistinct(supportRecipients.organisationId) })
    .from(supportRecipients)
    .innerJoin(supportProgrammes, eq(supportProgrammes.id, supportRecipients.programmeId))
    .where(
      and(
        ne(supportProgrammes.state, 'planned'),
        gte(supportRecipients.supportedOn, period.from),
        lte(supportRecipients.supportedOn, period.to),
      ),
    );
  return { value: Number(row?.n ?? 0) };
}

/**
 * Of the organisations that answered the question the department marked "applies traceability" in a survey sent
 * for (open during) the period, the share whose answer is yes. An organisation answering several such surveys is
 * counted once, by its answer to the latest survey.
 */
export async function traceabilityShare(db: DbOrTx, period: Period): Promise<FormulaResult> {
  const sent = await db
    .select()
    .from(surveys)
    .where(
      and(ne(surveys.state, 'draft'), lte(surveys.opensOn, period.to), gte(surveys.closesOn, period.from)),
    );
  const marked = new Map(
    sent.flatMap((s) => {
      const q = s.questions.find((x) => x.feedsTraceability && x.kind === 'yes_no');
      return q ? [[s.id, { question: q.id, closesOn: s.closesOn }] as const] : [];
    }),
  );
  const responses = marked.size
    ? await db
        .select()
        .from(surveyResponses)
        .where(inArray(surveyResponses.surveyId, [...marked.keys()]))
    : [];
  const latest = new Map<string, { closesOn: string; at: number; yes: boolean }>();
  for (const r of responses) {
    const m = marked.get(r.surveyId)!;
    const answer = r.answers[m.question];
    if (typeof answer !== 'boolean') continue;
    const seen = latest.get(r.organisationId);
    const at = r.updatedAt.getTime();
    if (!seen || m.closesOn > seen.closesOn || (m.closesOn === seen.closesOn && at > seen.at))
      latest.set(r.organisationId, { closesOn: m.closesOn, at, yes: answer });
  }
  const denominator = latest.size;
  const numerator = [...latest.values()].filter((v) => v.yes).length;
  return {
    value: denominator ? Math.round((numerator / denominator) * 1000) / 10 : 0,
    numerator,
    denominator,
  };
}

registerIndicatorFormula({
  key: 'programmes.training-courses',
  name: { vi: 'Số lớp tập huấn đã tổ chức', en: 'Training courses held' },
  describe: {
    vi: 'Đếm các lớp tập huấn có ngày bắt đầu trong kỳ.',
    en: 'Counts the training courses that started within the period.',
  },
  unit: 'count',
  compute: coursesHeld,
});

registerIndicatorFormula({
  key: 'programmes.organisations-trained',
  name: { vi: 'Số tổ chức được tập huấn', en: 'Organisations trained' },
  describe: {
    vi: 'Đếm các tổ chức khác nhau có tên trong danh sách học viên của các lớp bắt đầu trong kỳ (mỗi tổ chức tính một lần).',
    en: 'Counts the different organisations among the participants of the courses that started within the period (each once).',
  },
  unit: 'count',
  compute: organisationsTrained,
});

registerIndicatorFormula({
  key: 'programmes.organisations-supported',
  name: { vi: 'Số tổ chức được hỗ trợ', en: 'Organisations supported' },
  describe: {
    vi: 'Đếm các tổ chức khác nhau được chương trình hỗ trợ (đang thực hiện hoặc đã xong) hỗ trợ trong kỳ.',
    en: 'Counts the different organisations given support within the period by a running or finished programme.',
  },
  unit: 'count',
  compute: organisationsSupported,
});

registerIndicatorFormula({
  key: 'programmes.survey-applies-traceability',
  name: {
    vi: 'Tỷ lệ tổ chức áp dụng truy xuất nguồn gốc (theo khảo sát)',
    en: 'Share of organisations applying traceability (by survey)',
  },
  describe: {
    vi: 'Trong các tổ chức đã trả lời câu hỏi được đánh dấu «áp dụng truy xuất nguồn gốc» của các phiếu khảo sát mở trong kỳ, tỷ lệ trả lời «Có» (mỗi tổ chức tính theo phiếu gần nhất).',
    en: 'Of the organisations that answered the question marked “applies traceability” in surveys open within the period, the share answering yes (each by its latest survey).',
  },
  unit: 'percent',
  compute: traceabilityShare,
});
