import { Anchor, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { AuthFrame } from '../auth/AuthFrame.tsx';
import { PasswordChangeFields, usePasswordChange } from './password-change.tsx';

/** Shown instead of the back office while the person signs in with a temporary password from the department. */
export function TemporaryPasswordPage({ onSignOut }: { onSignOut(): void }) {
  const { t } = useTranslation();
  const change = usePasswordChange(() => undefined);
  return (
    <AuthFrame title={t('account.temporaryTitle')}>
      <form onSubmit={change.submit} noValidate>
        <Stack>
          <Text size="sm">{t('account.temporaryText')}</Text>
          {change.problem ? <ProblemAlert error={change.problem} /> : null}
          <PasswordChangeFields form={change.form} />
          <Button type="submit" loading={change.pending} size="md">
            {t('account.changePassword')}
          </Button>
          <Anchor component="button" type="button" size="sm" onClick={onSignOut}>
            {t('auth.signOut')}
          </Anchor>
        </Stack>
      </form>
    </AuthFrame>
  );
}
