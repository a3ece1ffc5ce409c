import { SegmentedControl } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { applyLanguage, type Language } from '../i18n/index.ts';

/** Vietnamese by default; English on request. Server messages follow, so cached answers are refetched. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('common.language')}
      value={i18n.language === 'en' ? 'en' : 'vi'}
      onChange={async (value) => {
        await applyLanguage(value as Language);
        await queryClient.invalidateQueries();
      }}
      data={[
        { value: 'vi', label: 'VI' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}
