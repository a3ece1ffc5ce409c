import { Anchor, Button, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ProblemDocument, post } from '../../api/client.ts';
import { applyProblem } from '../../api/form-errors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { NewPasswordFields, repeatMustMatch } from '../account/password-change.tsx';
import { AuthFrame } from './AuthFrame.tsx';

/** The page a reset link opens: a new password, then the sign-in page. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { token } = useSearch({ from: '/reset-password' });
  const [problem, setProblem] = useState<ProblemDocument | null>(null);
  const form = useForm({
    initialValues: { newPassword: '', repeatPassword: '' },
    validate: repeatMustMatch(t),
  });

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      await post('/api/auth/password-reset', { token, newPassword: values.newPassword });
      await navigate({ to: '/sign-in', search: { passwordReset: true } });
    } catch (error) {
      const problem = applyProblem(form, error);
      // a spent or expired link is not a form error the person can fix: say what to do instead
      const spent = problem?.errors?.some((e) => e.field === '/body/token');
      setProblem(spent ? { ...problem!, title: t('account.linkInvalid'), errors: [] } : problem);
    }
  });

  return (
    <AuthFrame title={t('account.resetTitle')}>
      {token ? (
        <form onSubmit={submit} noValidate>
          <Stack>
            {problem ? <ProblemAlert error={problem} /> : null}
            <NewPasswordFields form={form} />
            <Button type="submit" loading={form.submitting} size="md">
              {t('account.setNewPassword')}
            </Button>
            <Anchor component={Link} to="/forgot-password" size="sm">
              {t('account.askNewLink')}
            </Anchor>
          </Stack>
        </form>
      ) : (
        <Stack>
          <ProblemAlert error={{ type: 'about:blank', title: t('account.linkMissing'), status: 400 }} />
          <Anchor component={Link} to="/forgot-password" size="sm">
            {t('account.askNewLink')}
          </Anchor>
        </Stack>
      )}
    </AuthFrame>
  );
}
