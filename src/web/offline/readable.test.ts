import { describe, expect, it } from 'vitest';
import { readableProblem, readableText } from './readable.ts';

describe('a refusal in words', () => {
  it('drops the ids a message names and writes days as dd/mm/yyyy', () => {
    expect(
      readableText(
        'đang trong thời gian cách ly của mục nhật ký c1ac6fa4-6a94-41fe-88a5-94f4fe9f1e4a ("Ridomil", ngày 2026-12-07) — được thu hoạch từ ngày 2026-12-14',
      ),
    ).toBe(
      'đang trong thời gian cách ly của mục nhật ký ("Ridomil", ngày 07/12/2026) — được thu hoạch từ ngày 14/12/2026',
    );
  });

  it('keeps the fields of the problem and leaves out its detail (which repeats the messages with their pointers)', () => {
    const problem = readableProblem({
      type: '/problems/diary-withdrawal-running',
      title: 'Chưa được thu hoạch: "Ridomil" sử dụng ngày 2026-12-07',
      status: 409,
      detail: '/body/entryDate: …',
      errors: [{ field: '/body/entryDate', code: 'diary.withdrawalRunning', message: 'từ ngày 2026-12-14' }],
    });
    expect(problem).toEqual({
      type: '/problems/diary-withdrawal-running',
      title: 'Chưa được thu hoạch: "Ridomil" sử dụng ngày 07/12/2026',
      status: 409,
      detail: undefined,
      errors: [{ field: '/body/entryDate', code: 'diary.withdrawalRunning', message: 'từ ngày 14/12/2026' }],
    });
  });
});
