import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemDocument } from '../../api/client.ts';
import { post } from '../../api/client.ts';
import { applyProblem } from '../../api/form-errors.ts';
import { meQuery } from '../../api/session.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { AuthFrame } from './AuthFrame.tsx';

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { next, expired, passwordReset } = useSearch({ from: '/sign-in' });
  const [problem, setProblem] = useState<ProblemDocument | null>(null);
  const form = useForm({ initialValues: { email: '', password: '' } });

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      await post('/api/auth/sign-in', values);
      await queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
      // `next` is a path of this app (set by the sign-in redirect); anything else could leave the site.
      await navigate({ to: next && /^\/(?!\/)/.test(next) ? next : '/' });
    } catch (error) {
      setProblem(applyProblem(form, error));
    }
  });

  return (
    <AuthFrame title={t('auth.signInTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {expired && !problem ? (
            <Alert color="yellow" role="status" data-testid="session-expired">
              {t('account.sessionExpired')}
            </Alert>
          ) : null}
          {passwordReset && !problem ? (
            <Alert color="teal" role="status" data-testid="password-reset-done">
              {t('account.passwordResetDone')}
            </Alert>
          ) : null}
          {problem ? <ProblemAlert error={problem} /> : null}
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            required
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('auth.password')}
            autoComplete="current-password"
            visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
            required
            {...form.getInputProps('password')}
          />
          <Group justify="flex-end" mt={-8}>
            <Anchor component={Link} to="/forgot-password" size="sm">
              {t('account.forgotLink')}
            </Anchor>
          </Group>
          <Button type="submit" loading={form.submitting} size="md">
            {t('auth.signIn')}
          </Button>
          <Text size="sm">
            {t('auth.noAccount')}{' '}
            <Anchor component={Link} to="/register">
              {t('auth.registerLink')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthFrame>
  );
}
