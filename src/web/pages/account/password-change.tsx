import { PasswordInput } from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemDocument } from '../../api/client.ts';
import { applyProblem } from '../../api/form-errors.ts';
import { useSend } from '../../api/hooks.ts';
import { meQuery } from '../../api/session.ts';

const empty = { currentPassword: '', newPassword: '', repeatPassword: '' };
type Values = typeof empty;

/** A new password typed twice: the second must match before anything is sent. */
export const repeatMustMatch = (t: (key: string) => string) => ({
  repeatPassword: (value: string, values: { newPassword: string }) =>
    value === values.newPassword ? null : t('account.passwordsDiffer'),
});

/** Changing one's own password (POST /api/auth/password): the form, its problem and what happens after. */
export function usePasswordChange(onDone: () => void) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<ProblemDocument | null>(null);
  const form = useForm({ initialValues: empty, validate: repeatMustMatch(t) });
  const send = useSend('POST', '/api/auth/password', {
    success: 'account.passwordChanged',
    body: (v: Values) => ({ currentPassword: v.currentPassword, newPassword: v.newPassword }),
  });
  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      await send.mutateAsync(values);
      form.reset();
      // a temporary password is gone: /auth/me says so and the back office opens
      await queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
      onDone();
    } catch (error) {
      setProblem(applyProblem(form, error));
    }
  });
  const reset = () => {
    form.reset();
    setProblem(null);
  };
  return { form, submit, problem, pending: send.isPending, reset };
}

export function PasswordChangeFields({ form }: { form: UseFormReturnType<Values> }) {
  const { t } = useTranslation();
  const toggle = { 'aria-label': t('auth.showPassword') };
  return (
    <>
      <PasswordInput
        label={t('account.currentPassword')}
        autoComplete="current-password"
        required
        visibilityToggleButtonProps={toggle}
        {...form.getInputProps('currentPassword')}
      />
      <NewPasswordFields form={form} />
    </>
  );
}

/** The new password and its repetition, with the rules the server applies. */
export function NewPasswordFields<T extends { newPassword: string; repeatPassword: string }>({
  form,
}: {
  form: UseFormReturnType<T>;
}) {
  const { t } = useTranslation();
  const toggle = { 'aria-label': t('auth.showPassword') };
  return (
    <>
      <PasswordInput
        label={t('account.newPassword')}
        description={t('account.passwordRules')}
        autoComplete="new-password"
        required
        visibilityToggleButtonProps={toggle}
        {...form.getInputProps('newPassword')}
      />
      <PasswordInput
        label={t('account.repeatPassword')}
        autoComplete="new-password"
        required
        visibilityToggleButtonProps={toggle}
        {...form.getInputProps('repeatPassword')}
      />
    </>
  );
}
