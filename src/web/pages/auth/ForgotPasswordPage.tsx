import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailCheck } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ProblemDocument, post } from '../../api/client.ts';
import { applyProblem } from '../../api/form-errors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { AuthFrame } from './AuthFrame.tsx';

/** "Quên mật khẩu?": the answer is the same whether the e-mail has an account or not. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [sent, setSent] = useState(false);
  const [problem, setProblem] = useState<ProblemDocument | null>(null);
  const form = useForm({ initialValues: { email: '' } });

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      await post('/api/auth/password-reset-requests', { email: values.email.trim() });
      setSent(true);
    } catch (error) {
      setProblem(applyProblem(form, error));
    }
  });

  return (
    <AuthFrame title={t('account.forgotTitle')}>
      {sent ? (
        <Stack>
          <Alert
            color="teal"
            icon={<IconMailCheck aria-hidden />}
            role="status"
            data-testid="reset-mail-sent"
          >
            {t('account.forgotSent', { email: form.values.email.trim() })}
          </Alert>
          <Anchor component={Link} to="/sign-in" size="sm">
            {t('account.backToSignIn')}
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{t('account.forgotText')}</Text>
            {problem ? <ProblemAlert error={problem} /> : null}
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="username"
              required
              {...form.getInputProps('email')}
            />
            <Button type="submit" loading={form.submitting} size="md">
              {t('account.sendResetLink')}
            </Button>
            <Anchor component={Link} to="/sign-in" size="sm">
              {t('account.backToSignIn')}
            </Anchor>
          </Stack>
        </form>
      )}
    </AuthFrame>
  );
}
