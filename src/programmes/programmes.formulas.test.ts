import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorFormula } from '../plan/index.ts';
import type { Actor } from '../platform/index.ts';
import { adminActor, createTestApp, makeOrganisation, type TestApp } from '../test/index.ts';
import './index.ts';
import { createProgramme } from './support.service.ts';
import { createSurvey, saveResponse, sendSurvey } from './surveys.service.ts';
import { createCourse } from './training.service.ts';

// A small province by hand: 4 organisations, 3 courses, 2 programmes, 2 surveys.
let t: TestApp;
const o: string[] = [];
const y2026 = { from: '2026-01-01', to: '2026-12-31' };
const officer: Actor = {
  kind: 'user',
  id: 'u1',
  name: 'Cán bộ',
  role: 'commune_officer',
  organisationIds: [],
  sector: null,
  communes: ['75W010'],
};
const admin = adminActor;

beforeAll(async () => {
  t = await createTestApp();
  for (const name of ['A', 'B', 'C', 'D'])
    o.push((await makeOrganisation(t.db, { name: `Cơ sở ${name}`, communeCode: '75W010' })).id);
  const base = {
    topic: 'TXNG',
    organiser: 'Sở KH&CN',
    place: 'Long Khánh',
    trainers: [],
    people: [],
    materials: [],
  };
  // 2026: two courses naming A, B and B, C → 2 courses, 3 organisations; a 2025 course naming D does not count
  await createCourse(t.db, { ...base, startsOn: '2026-03-01', organisationIds: [o[0]!, o[1]!] }, admin);
  await createCourse(t.db, { ...base, startsOn: '2026-11-30', organisationIds: [o[1]!, o[2]!] }, admin);
  await createCourse(t.db, { ...base, startsOn: '2025-12-31', organisationIds: [o[3]!] }, admin);
  const recipient = (id: string, supportedOn: string) => ({
    organisationId: id,
    support: 'Tem',
    costVnd: 1,
    supportedOn,
  });
  // running programme: A and B in 2026, C in 2025; a planned programme's D does not count; A twice counts once
  await createProgramme(
    t.db,
    {
      name: 'P1',
      year: 2026,
      kind: 'pilot',
      budgetVnd: 10,
      state: 'running',
      recipients: [
        recipient(o[0]!, '2026-02-01'),
        recipient(o[1]!, '2026-07-01'),
        recipient(o[2]!, '2025-06-01'),
      ],
    },
    admin,
  );
  await createProgramme(
    t.db,
    {
      name: 'P2',
      year: 2026,
      kind: 'stamps_funded',
      budgetVnd: 10,
      state: 'finished',
      recipients: [recipient(o[0]!, '2026-09-01')],
    },
    admin,
  );
  await createProgramme(
    t.db,
    {
      name: 'P3',
      year: 2026,
      kind: 'other',
      budgetVnd: 10,
      state: 'planned',
      recipients: [recipient(o[3]!, '2026-09-01')],
    },
    admin,
  );
});
afterAll(() => t?.close());

const compute = (key: string, period = y2026) => indicatorFormula(key)!.compute(t.db, period);

describe('indicator formulas of the programmes module', () => {
  it('counts the courses held in the period', async () => {
    expect(await compute('programmes.training-courses')).toEqual({ value: 2 });
    expect(await compute('programmes.training-courses', { from: '2025-01-01', to: '2025-12-31' })).toEqual({
      value: 1,
    });
  });

  it('counts the different organisations trained in the period', async () => {
    expect(await compute('programmes.organisations-trained')).toEqual({ value: 3 });
  });

  it('counts the different organisations supported in the period by running or finished programmes', async () => {
    expect(await compute('programmes.organisations-supported')).toEqual({ value: 2 });
  });

  it('gives the share answering yes to the marked question, each organisation by its latest survey', async () => {
    expect(await compute('programmes.survey-applies-traceability')).toEqual({
      value: 0,
      numerator: 0,
      denominator: 0,
    });
    // the survey is open by Vietnam's calendar (UTC+7), which is a day ahead of UTC from 17:00 UTC
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const design = (title: string) => ({
      title,
      opensOn: today,
      closesOn: today,
      communeCodes: ['75W010'],
      sectors: [],
      questions: [
        {
          kind: 'yes_no' as const,
          text: 'Áp dụng TXNG?',
          required: true,
          choices: [],
          feedsTraceability: true,
        },
        { kind: 'yes_no' as const, text: 'Có tem?', required: true, choices: [], feedsTraceability: false },
      ],
    });
    const first = await createSurvey(t.db, design('Đợt 1'), admin);
    await sendSurvey(t.db, first.id, admin);
    const [marked, other] = first.questions.map((x) => x.id);
    // A yes, B no, C no (the unmarked question's yes does not count)
    for (const [i, yes] of [
      [0, true],
      [1, false],
      [2, false],
    ] as const)
      await saveResponse(
        t.db,
        first.id,
        { organisationId: o[i]!, answers: { [marked!]: yes, [other!]: true } },
        officer,
      );
    const period = { from: today, to: today };
    expect(await compute('programmes.survey-applies-traceability', period)).toEqual({
      value: 33.3,
      numerator: 1,
      denominator: 3,
    });
    // a later survey answered by B with yes replaces B's no
    const second = await createSurvey(t.db, { ...design('Đợt 2'), closesOn: '2099-01-01' }, admin);
    await sendSurvey(t.db, second.id, admin);
    await saveResponse(
      t.db,
      second.id,
      {
        organisationId: o[1]!,
        answers: { [second.questions[0]!.id]: true, [second.questions[1]!.id]: false },
      },
      officer,
    );
    expect(await compute('programmes.survey-applies-traceability', period)).toEqual({
      value: 66.7,
      numerator: 2,
      denominator: 3,
    });
  });
});
