import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { durationWords, scheduleWords } from './run-words.ts';
import en from './words.en.json' with { type: 'json' };
import vi from './words.vi.json' with { type: 'json' };

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    lng: 'vi',
    resources: { vi: { translation: vi }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
});
const t = (lng: string) => i18n.getFixedT(lng) as (key: string, options?: Record<string, unknown>) => string;

describe('the checks page says runs and the schedule in words', () => {
  it('says how long a run took', () => {
    expect(durationWords(t('vi'), 180)).toBe('dưới 1 giây');
    expect(durationWords(t('vi'), 12_400)).toBe('12 giây');
    expect(durationWords(t('vi'), 125_000)).toBe('2 phút 5 giây');
    expect(durationWords(t('vi'), null)).toBe('—');
    expect(durationWords(t('en'), 1_000)).toBe('1 second');
    expect(durationWords(t('en'), 3_000)).toBe('3 seconds');
  });

  it('says the schedule in hours or minutes, or that the checks run only on demand', () => {
    expect(scheduleWords(t('vi'), 60)).toBe('Các kiểm tra tự chạy theo lịch, 1 giờ một lần.');
    expect(scheduleWords(t('vi'), 90)).toBe('Các kiểm tra tự chạy theo lịch, 90 phút một lần.');
    expect(scheduleWords(t('vi'), 0)).toContain('chỉ chạy khi có người bấm “Chạy ngay”');
    expect(scheduleWords(t('en'), 60)).toBe('The checks run on a schedule, every hour.');
    expect(scheduleWords(t('en'), 120)).toBe('The checks run on a schedule, every 2 hours.');
  });
});
