import { Alert, Anchor, Stack } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** A page opened by address that the person's role may not use: said plainly, with the way back, nothing else. */
export function NoAccessPage() {
  const { t } = useTranslation();
  return (
    <Stack p="md" align="flex-start" maw={640}>
      <Alert color="orange" icon={<IconLock aria-hidden />} title={t('noAccess.title')} role="alert" w="100%">
        {t('noAccess.text')}
      </Alert>
      <Anchor component={Link} to="/">
        {t('noAccess.home')}
      </Anchor>
    </Stack>
  );
}
