import { PasswordInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemDocument } from '../../api/client.ts';
import { applyProblem } from '../../api/form-errors.ts';
import { useSend } from '../../api/hooks.ts';
import { FormModal } from '../../components/FormModal.tsx';

interface Target {
  id: string;
  name: string;
  email: string;
}
type Method = 'mail' | 'temporary-password';

/** The department resets someone's password: a reset link by mail, or a temporary password. */
export function PasswordResetModal({ user, onClose }: { user: Target | null; onClose(): void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<ProblemDocument | null>(null);
  const form = useForm({ initialValues: { method: 'mail' as Method, password: '' } });
  const path = () => `/api/users/${user?.id}/password-reset`;
  const mail = useSend('POST', path, { success: 'account.resetMailSent', invalidate: ['/api/users'] });
  const temporary = useSend('POST', path, { success: 'account.temporarySet', invalidate: ['/api/users'] });
  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh form for each person opened
  useEffect(() => {
    form.reset();
    setProblem(null);
  }, [user?.id]);

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      if (values.method === 'mail') await mail.mutateAsync({ method: 'mail' });
      else await temporary.mutateAsync({ method: 'temporary-password', password: values.password });
      onClose();
    } catch (error) {
      setProblem(applyProblem(form, error));
    }
  });

  return (
    <FormModal
      title={t('account.resetFor', { name: user?.name ?? '' })}
      opened={user !== null}
      onClose={onClose}
      onSubmit={submit}
      problem={problem}
      submitting={mail.isPending || temporary.isPending}
      submitLabel={form.values.method === 'mail' ? t('account.sendResetLink') : t('account.setTemporary')}
      size="md"
    >
      <Stack>
        <SegmentedControl
          fullWidth
          data={[
            { value: 'mail', label: t('account.byMail') },
            { value: 'temporary-password', label: t('account.byTemporary') },
          ]}
          {...form.getInputProps('method')}
        />
        {form.values.method === 'mail' ? (
          <Text size="sm">{t('account.byMailText', { email: user?.email ?? '' })}</Text>
        ) : (
          <>
            <Text size="sm">{t('account.byTemporaryText')}</Text>
            <PasswordInput
              label={t('account.temporaryPassword')}
              description={t('account.passwordRules')}
              autoComplete="new-password"
              required
              visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
              {...form.getInputProps('password')}
            />
          </>
        )}
      </Stack>
    </FormModal>
  );
}
