import {
  Anchor,
  Button,
  Divider,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemDocument } from '../../api/client.ts';
import { post, setCsrfToken } from '../../api/client.ts';
import { applyProblem } from '../../api/form-errors.ts';
import type { Me } from '../../api/session.ts';
import type { Organisation } from '../../api/types.ts';
import { compact } from '../../components/options.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import {
  emptyOrganisation,
  OrganisationFields,
  organisationBody,
} from '../organisations/OrganisationFields.tsx';
import { AuthFrame } from './AuthFrame.tsx';

const emptyRegistration = {
  organisation: emptyOrganisation,
  account: { name: '', email: '', phone: '', password: '' },
};

/** A producer registers its organisation and its owner account; the commune officer reviews it. */
export function RegisterPage() {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<ProblemDocument | null>(null);
  const [done, setDone] = useState(false);
  const [registeredId, setRegisteredId] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: emptyRegistration });

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      let organisationId = registeredId;
      if (!organisationId) {
        const registered = await post<{ me: Me; organisation: Organisation }>('/api/registrations', {
          organisation: organisationBody(values.organisation),
          account: compact(values.account),
        });
        // The owner is signed in now; the profile goes to the commune officer's queue at once.
        setCsrfToken(registered.me.csrfToken);
        queryClient.setQueryData(['me'], registered.me);
        organisationId = registered.organisation.id;
        setRegisteredId(organisationId);
      }
      await post('/api/review/submissions', { entityType: 'organisation', entityId: organisationId });
      setDone(true);
    } catch (error) {
      setProblem(applyProblem(form, error));
    }
  });

  if (done)
    return (
      <AuthFrame title={t('register.doneTitle')} width={720}>
        <Stack align="flex-start">
          <IconCircleCheck size={48} color="var(--mantine-color-teal-7)" aria-hidden />
          <Text>{t('register.doneText')}</Text>
          <Button component={Link} to="/">
            {t('register.continue')}
          </Button>
        </Stack>
      </AuthFrame>
    );

  return (
    <AuthFrame title={t('register.title')} width={720}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('register.intro')}
          </Text>
          {problem ? <ProblemAlert error={problem} /> : null}
          <Title order={2} size="h5">
            {t('register.organisation')}
          </Title>
          <OrganisationFields form={form} prefix="organisation" />
          <Divider />
          <Title order={2} size="h5">
            {t('register.account')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('user.name')}
              required
              autoComplete="name"
              {...form.getInputProps('account.name')}
            />
            <TextInput
              label={t('auth.email')}
              type="email"
              required
              autoComplete="email"
              {...form.getInputProps('account.email')}
            />
            <TextInput
              label={t('organisation.phone')}
              type="tel"
              autoComplete="tel"
              {...form.getInputProps('account.phone')}
            />
            <PasswordInput
              label={t('auth.password')}
              description={t('auth.passwordHint')}
              required
              autoComplete="new-password"
              visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
              {...form.getInputProps('account.password')}
            />
          </SimpleGrid>
          <Button type="submit" size="md" loading={form.submitting}>
            {t('register.submit')}
          </Button>
          <Text size="sm">
            {t('register.haveAccount')}{' '}
            <Anchor component={Link} to="/sign-in">
              {t('auth.signIn')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthFrame>
  );
}
