import {
  Button,
  Group,
  MultiSelect,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconEdit, IconKey, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, type ProblemDocument } from '../../api/client.ts';
import { applyProblem } from '../../api/form-errors.ts';
import { usePage, useSend } from '../../api/hooks.ts';
import { useMe } from '../../api/session.ts';
import { type AdministrativeUnit, officerSectors } from '../../api/types.ts';
import { OrganisationPicker, ownOrganisation } from '../../components/acting-organisation.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { choose, enter } from '../../components/field-checks.ts';
import { useListState } from '../../components/list-state.ts';
import { compact, enumOptions } from '../../components/options.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime } from '../../format.ts';
import { PasswordResetModal } from './PasswordResetModal.tsx';

const personRoles = [
  'dost_admin',
  'dost_reviewer',
  'sector_officer',
  'commune_officer',
  'inspector',
  'org_owner',
  'org_staff',
] as const;

interface User {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  role: string;
  organisationId: string | null;
  sector: string | null;
  communes: string[];
  disabled: boolean;
  locked: boolean;
  lastSignInAt: string | null;
  createdAt: string;
}

const emptyUser = {
  email: '',
  name: '',
  phone: '',
  role: 'org_staff',
  organisationId: '',
  sector: '',
  communes: [] as string[],
  password: '',
  disabled: false,
};

export function UsersPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const control = useListState();
  const list = usePage<User>('/api/users', control);
  const units = useQuery({
    queryKey: ['/api/administrative-units'],
    queryFn: () => get<{ units: AdministrativeUnit[] }>('/api/administrative-units'),
  });
  const [opened, { open, close }] = useDisclosure();
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const canReset = me.permissions.includes('reset:password:any');
  const [problem, setProblem] = useState<ProblemDocument | null>(null);
  // what each role needs is asked for with the rest of the form, in the words the server uses
  const form = useForm({
    initialValues: emptyUser,
    validate: {
      name: enter(t, t('user.name')),
      email: enter(t, t('auth.email')),
      organisationId: (value, v) =>
        v.role === 'org_owner' || v.role === 'org_staff' ? choose(t, t('organisation.acting'))(value) : null,
      sector: (value, v) => (v.role === 'sector_officer' ? choose(t, t('organisation.sector'))(value) : null),
      communes: (value, v) =>
        v.role === 'commune_officer' ? choose(t, t('user.communes'))(value.length ? 'x' : '') : null,
    },
  });
  const invalidate = ['/api/users'];
  const create = useSend('POST', '/api/users', { invalidate });
  const save = useSend('PATCH', () => `/api/users/${editing?.id}`, { invalidate });
  const roles = me.role === 'dost_admin' ? personRoles : (['org_staff'] as const);
  const v = form.values;

  const startCreate = () => {
    form.setValues({ ...emptyUser, organisationId: ownOrganisation(me) ?? '' });
    setEditing(null);
    setProblem(null);
    open();
  };
  const startEdit = (u: User) => {
    form.setValues({
      ...emptyUser,
      ...u,
      phone: u.phone ?? '',
      organisationId: u.organisationId ?? '',
      sector: u.sector ?? '',
      password: '',
    });
    setEditing(u);
    setProblem(null);
    open();
  };
  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    const orgRole = values.role === 'org_owner' || values.role === 'org_staff';
    const scope = {
      organisationId: orgRole ? values.organisationId || undefined : undefined,
      sector: values.role === 'sector_officer' ? values.sector || undefined : undefined,
      communes: values.role === 'commune_officer' ? values.communes : undefined,
    };
    try {
      if (editing) {
        await save.mutateAsync({
          name: values.name.trim(),
          phone: values.phone.trim() || null,
          role: values.role,
          organisationId: scope.organisationId ?? null,
          sector: scope.sector ?? null,
          communes: scope.communes ?? [],
          disabled: values.disabled,
        });
      } else {
        const { disabled: _d, organisationId: _o, sector: _s, communes: _c, ...rest } = values;
        await create.mutateAsync({ ...compact(rest), ...scope });
      }
      close();
    } catch (error) {
      setProblem(applyProblem(form, error));
    }
  });

  return (
    <Stack>
      <PageHeader
        title={t('nav.users')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={startCreate}>
            {t('user.create')}
          </Button>
        }
      />
      <DataTable<User>
        caption={t('nav.users')}
        rows={list.data?.items}
        loading={list.isPending}
        error={list.error}
        rowKey={(u) => u.id}
        server={{ control, total: list.data?.total ?? 0 }}
        filters={[{ key: 'role', label: t('user.role'), options: enumOptions(t, 'role', personRoles) }]}
        columns={[
          { key: 'name', header: t('user.name'), sortable: false },
          { key: 'email', header: t('auth.email'), sortable: false },
          { key: 'role', header: t('user.role'), sortable: false, render: (u) => t(`role.${u.role}`) },
          {
            key: 'state',
            header: t('user.state'),
            sortable: false,
            render: (u) =>
              u.disabled ? t('user.disabled') : u.locked ? t('user.locked') : t('user.enabled'),
          },
          {
            key: 'lastSignInAt',
            header: t('user.lastSignIn'),
            sortable: false,
            render: (u) => formatDateTime(u.lastSignInAt),
          },
          {
            key: 'actions',
            header: '',
            sortable: false,
            render: (u) => (
              <Group gap={4} wrap="nowrap">
                <Button
                  size="xs"
                  variant="subtle"
                  leftSection={<IconEdit size={14} aria-hidden />}
                  onClick={() => startEdit(u)}
                >
                  {t('common.edit')}
                </Button>
                {canReset ? (
                  <Button
                    size="xs"
                    variant="subtle"
                    leftSection={<IconKey size={14} aria-hidden />}
                    onClick={() => setResetting(u)}
                  >
                    {t('account.resetPassword')}
                  </Button>
                ) : null}
              </Group>
            ),
          },
        ]}
      />
      <FormModal
        title={editing ? editing.name : t('user.create')}
        opened={opened}
        onClose={close}
        onSubmit={submit}
        problem={problem}
        submitting={create.isPending || save.isPending}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('user.name')} required {...form.getInputProps('name')} />
          <TextInput
            label={t('auth.email')}
            type="email"
            required
            disabled={Boolean(editing)}
            {...form.getInputProps('email')}
          />
          <TextInput label={t('organisation.phone')} type="tel" {...form.getInputProps('phone')} />
          <Select
            label={t('user.role')}
            allowDeselect={false}
            data={enumOptions(t, 'role', roles)}
            {...form.getInputProps('role')}
          />
          {editing ? null : (
            <PasswordInput
              label={t('auth.password')}
              description={t('auth.passwordHint')}
              required
              autoComplete="new-password"
              visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
              {...form.getInputProps('password')}
            />
          )}
          {v.role === 'sector_officer' ? (
            <Select
              label={t('organisation.sector')}
              required
              data={enumOptions(t, 'sector', officerSectors)}
              {...form.getInputProps('sector')}
            />
          ) : null}
        </SimpleGrid>
        {v.role === 'org_owner' || v.role === 'org_staff' ? (
          <OrganisationPicker
            value={v.organisationId}
            onChange={(id) => form.setFieldValue('organisationId', id)}
            error={form.errors.organisationId}
            label={t('user.organisation')}
          />
        ) : null}
        {v.role === 'commune_officer' ? (
          <MultiSelect
            label={t('user.communes')}
            required
            searchable
            data={(units.data?.units ?? []).map((u) => ({ value: u.code, label: u.name }))}
            {...form.getInputProps('communes')}
          />
        ) : null}
        {editing ? (
          <Group>
            <Switch label={t('user.disabled')} {...form.getInputProps('disabled', { type: 'checkbox' })} />
          </Group>
        ) : null}
      </FormModal>
      <PasswordResetModal user={resetting} onClose={() => setResetting(null)} />
    </Stack>
  );
}
