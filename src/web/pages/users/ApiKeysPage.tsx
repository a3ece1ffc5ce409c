import { Button, Code, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemDocument } from '../../api/client.ts';
import { applyProblem } from '../../api/form-errors.ts';
import { usePage, useSend } from '../../api/hooks.ts';
import { useMe } from '../../api/session.ts';
import type { Organisation } from '../../api/types.ts';
import { ownOrganisation } from '../../components/acting-organisation.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { DateField } from '../../components/DateField.tsx';
import { EntityMultiSelect } from '../../components/EntitySelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { KeyShownOnce } from '../../components/KeyShownOnce.tsx';
import { useListState } from '../../components/list-state.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime } from '../../format.ts';

interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  organisationIds: string[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export function ApiKeysPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const control = useListState(50);
  const [includeRevoked, setIncludeRevoked] = useState(false);
  const list = usePage<ApiKey>('/api/api-keys', control, { includeRevoked: String(includeRevoked) });
  const [opened, { open, close }] = useDisclosure();
  const [problem, setProblem] = useState<ProblemDocument | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const form = useForm({ initialValues: { name: '', organisationIds: [] as string[], expiresAt: '' } });
  const invalidate = ['/api/api-keys'];
  const create = useSend<unknown, ApiKey & { key: string }>('POST', '/api/api-keys', { invalidate });
  const revoke = useSend<string>('DELETE', (id) => `/api/api-keys/${id}`, {
    invalidate,
    success: 'apiKey.revoked',
  });

  const submit = form.onSubmit(async (v) => {
    setProblem(null);
    try {
      const key = await create.mutateAsync({
        name: v.name.trim(),
        organisationIds: ownOrganisation(me) ? undefined : v.organisationIds,
        expiresAt: v.expiresAt ? new Date(`${v.expiresAt}T23:59:59+07:00`).toISOString() : undefined,
      });
      setCreated(key.key);
      form.reset();
      close();
    } catch (error) {
      setProblem(applyProblem(form, error));
    }
  });

  return (
    <Stack>
      <PageHeader
        title={t('nav.apiKeys')}
        description={t('apiKey.description')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
            {t('apiKey.create')}
          </Button>
        }
      />
      {created ? (
        <KeyShownOnce
          value={created}
          title={t('apiKey.createdTitle')}
          text={t('apiKey.createdText')}
          copyLabel={t('apiKey.copy')}
          copiedLabel={t('apiKey.copied')}
          onClose={() => setCreated(null)}
        />
      ) : null}
      <Switch
        label={t('apiKey.includeRevoked')}
        checked={includeRevoked}
        onChange={(e) => setIncludeRevoked(e.currentTarget.checked)}
      />
      <DataTable<ApiKey>
        caption={t('nav.apiKeys')}
        rows={list.data?.items}
        loading={list.isPending}
        error={list.error}
        rowKey={(k) => k.id}
        server={{ control, total: list.data?.total ?? 0 }}
        searchable={false}
        columns={[
          { key: 'name', header: t('apiKey.name'), sortable: false },
          {
            key: 'prefix',
            header: t('apiKey.prefix'),
            sortable: false,
            render: (k) => <Code>{k.prefix}…</Code>,
          },
          {
            key: 'createdAt',
            header: t('common.createdAt'),
            sortable: false,
            render: (k) => formatDateTime(k.createdAt),
          },
          {
            key: 'lastUsedAt',
            header: t('apiKey.lastUsed'),
            sortable: false,
            render: (k) => formatDateTime(k.lastUsedAt),
          },
          {
            key: 'expiresAt',
            header: t('apiKey.expiresAt'),
            sortable: false,
            render: (k) => formatDateTime(k.expiresAt),
          },
          {
            key: 'actions',
            header: '',
            sortable: false,
            render: (k) =>
              k.revokedAt ? (
                t('status.revoked')
              ) : (
                <Button size="xs" color="red" variant="subtle" onClick={() => revoke.mutate(k.id)}>
                  {t('apiKey.revoke')}
                </Button>
              ),
          },
        ]}
        emptyText={t('apiKey.empty')}
      />
      <FormModal
        title={t('apiKey.create')}
        opened={opened}
        onClose={close}
        onSubmit={submit}
        problem={problem}
        submitting={create.isPending}
        size="md"
      >
        <TextInput label={t('apiKey.name')} required {...form.getInputProps('name')} />
        {ownOrganisation(me) ? null : (
          <EntityMultiSelect<Organisation>
            label={t('apiKey.organisations')}
            path="/api/organisations"
            option={(o) => ({ value: o.id, label: o.name })}
            {...form.getInputProps('organisationIds')}
          />
        )}
        <DateField label={t('apiKey.expiresAt')} {...form.getInputProps('expiresAt')} />
      </FormModal>
    </Stack>
  );
}
