import ExcelJS from 'exceljs';
import { type Actor, type DbOrTx, sectors } from '../platform/index.ts';
import { findAdministrativeUnit, type OrganisationView } from '../registry/index.ts';
import type { GroupResult, ResultsView, Tally } from './programmes.api.ts';
import type { StoredAnswer, StoredQuestion } from './programmes.schema.ts';
import {
  findSurvey,
  getSurvey,
  type ResponseRow,
  reachedOrganisations,
  reachedRow,
  responsesOf,
} from './surveys.service.ts';

export const sectorWords: Record<string, string> = {
  agriculture: 'Nông nghiệp và Môi trường',
  industry_trade: 'Công Thương',
  health: 'Y tế',
  other: 'Khác',
};

const yes = 'Có';
const no = 'Không';

/** What a question's answers add up to: counts per choice, sum and mean of numbers, the texts written. */
export function tallyQuestion(q: StoredQuestion, answers: (StoredAnswer | undefined)[]): Tally {
  const given = answers.filter((a): a is StoredAnswer => a !== undefined);
  const result: Tally = { answered: given.length, counts: [], sum: null, mean: null, texts: [] };
  if (q.kind === 'single' || q.kind === 'multiple')
    result.counts = q.choices.map((choice) => ({
      choice,
      count: given.filter((a) => a === choice || (Array.isArray(a) && a.includes(choice))).length,
    }));
  else if (q.kind === 'yes_no')
    result.counts = [
      { choice: yes, count: given.filter((a) => a === true).length },
      { choice: no, count: given.filter((a) => a === false).length },
    ];
  else if (q.kind === 'number') {
    const numbers = given.filter((a): a is number => typeof a === 'number');
    result.sum = numbers.reduce((s, n) => s + n, 0);
    result.mean = numbers.length ? Math.round((result.sum / numbers.length) * 100) / 100 : null;
  } else result.texts = given.filter((a): a is string => typeof a === 'string').slice(0, 50);
  return result;
}

function group(
  key: string,
  name: string,
  questions: StoredQuestion[],
  reached: number,
  responses: ResponseRow[],
): GroupResult {
  return {
    key,
    name,
    reached,
    answered: responses.length,
    questions: questions.map((q) =>
      tallyQuestion(
        q,
        responses.map((r) => r.answers[q.id]),
      ),
    ),
  };
}

async function scopedData(db: DbOrTx, id: string, actor: Actor) {
  const survey = await findSurvey(db, id, actor);
  const reached = await reachedOrganisations(db, survey, actor);
  const responses = await responsesOf(
    db,
    id,
    reached.map((o) => o.id),
  );
  return { survey, reached, responses };
}

/**
 * A survey's results within the reader's scope: overall, per commune of the organisations reached (the commune an
 * organisation had when it answered) and per sector, and who has not answered yet.
 */
export async function surveyResults(db: DbOrTx, id: string, actor: Actor): Promise<ResultsView> {
  const { survey, reached, responses } = await scopedData(db, id, actor);
  const qs = survey.questions;
  const communeOf = (o: OrganisationView) => o.communeCode ?? '';
  const communes = [...new Set([...reached.map(communeOf), ...responses.map((r) => r.communeCode ?? '')])];
  const byCommune = communes
    .map((code) =>
      group(
        code,
        code ? (findAdministrativeUnit(code)?.name ?? code) : 'Chưa rõ xã, phường',
        qs,
        reached.filter((o) => communeOf(o) === code).length,
        responses.filter((r) => (r.communeCode ?? '') === code),
      ),
    )
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const bySector = sectors
    .map((s) =>
      group(
        s,
        sectorWords[s],
        qs,
        reached.filter((o) => o.sector === s).length,
        responses.filter((r) => r.sector === s),
      ),
    )
    .filter((g) => g.reached || g.answered);
  const answered = new Set(responses.map((r) => r.organisationId));
  return {
    survey: await getSurvey(db, id, actor),
    overall: group('all', 'Toàn bộ', qs, reached.length, responses),
    byCommune,
    bySector,
    notAnswered: reached.filter((o) => !answered.has(o.id)).map((o) => reachedRow(o, undefined)),
  };
}

function answerWords(a: StoredAnswer | undefined): string | number {
  if (a === undefined) return '';
  if (typeof a === 'boolean') return a ? yes : no;
  if (Array.isArray(a)) return a.join('; ');
  return a;
}

/** The responses within the reader's scope as a workbook: one row per organisation, one column per question. */
export async function responsesXlsx(db: DbOrTx, id: string, actor: Actor): Promise<Buffer> {
  const { survey, reached, responses } = await scopedData(db, id, actor);
  const names = new Map(reached.map((o) => [o.id, o.name]));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Trả lời - Responses', { views: [{ state: 'frozen', ySplit: 1 }] });
  const qHeader = (q: StoredQuestion, i: number) => `${i + 1}. ${q.text}${q.unit ? ` (${q.unit})` : ''}`;
  sheet.columns = [
    { header: 'Tổ chức / Organisation', key: 'org', width: 36 },
    { header: 'Xã, phường / Commune', key: 'commune', width: 22 },
    { header: 'Lĩnh vực / Sector', key: 'sector', width: 22 },
    { header: 'Người nhập / Entered by', key: 'by', width: 22 },
    { header: 'Cập nhật / Updated', key: 'at', width: 18 },
    ...survey.questions.map((q, i) => ({ header: qHeader(q, i), key: q.id, width: 24 })),
  ];
  sheet.getRow(1).font = { bold: true };
  const at = new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    dateStyle: 'short',
    timeStyle: 'short',
  });
  for (const r of responses.sort((a, b) =>
    (names.get(a.organisationId) ?? '').localeCompare(names.get(b.organisationId) ?? '', 'vi'),
  ))
    sheet.addRow({
      org: names.get(r.organisationId) ?? '',
      commune: r.communeCode ? (findAdministrativeUnit(r.communeCode)?.name ?? r.communeCode) : '',
      sector: sectorWords[r.sector] ?? r.sector,
      by: r.answeredByName,
      at: at.format(r.updatedAt),
      ...Object.fromEntries(survey.questions.map((q) => [q.id, answerWords(r.answers[q.id])])),
    });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
