import {
  Alert,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { downloadFile } from '../../api/download.ts';
import { useMe } from '../../api/session.ts';
import { OrganisationPicker, ownOrganisation } from '../../components/acting-organisation.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';

const importKinds = ['products', 'lots', 'events'] as const;
const exportKinds = ['products', 'lots'] as const;
type Kind = (typeof importKinds)[number];

interface ImportResult {
  committed: boolean;
  total: number;
  valid: number;
  errors: { row: number; column: string | null; columnName: string | null; code: string; message: string }[];
  columns: { key: string; name: string }[];
  rows: { row: number; values: Record<string, string>; ok: boolean }[];
}

/** Bulk import from CSV or Excel with a preview first, templates, and exports of the organisation's data. */
export function ImportPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const [organisationId, setOrganisationId] = useState(ownOrganisation(me) ?? '');
  const [kind, setKind] = useState<Kind>('products');
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async (commit: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const form = new FormData();
      form.append('file', file);
      setResult(
        await api<ImportResult>('POST', `/api/imports/${kind}`, {
          form,
          query: { organisationId: organisationId || undefined, commit: String(commit) },
        }),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const download = (path: string, name: string) =>
    downloadFile('GET', `${path}${organisationId ? `?organisationId=${organisationId}` : ''}`, name).catch(
      setError,
    );

  const columns = result?.rows[0] ? result.columns.filter((c) => c.key in result.rows[0].values) : [];
  return (
    <Stack>
      <PageHeader title={t('nav.import')} description={t('import.description')} />
      <OrganisationPicker value={organisationId} onChange={setOrganisationId} />
      {error ? <ProblemAlert error={error} /> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={2} size="h5" mb="sm">
            {t('import.importTitle')}
          </Title>
          <Stack>
            <SegmentedControl
              value={kind}
              onChange={(k) => {
                setKind(k as Kind);
                setResult(null);
              }}
              data={importKinds.map((k) => ({ value: k, label: t(`import.kind.${k}`) }))}
            />
            <Group gap="xs">
              <Text size="sm">{t('import.templates')}</Text>
              {(['xlsx', 'csv'] as const).map((f) => (
                <Button
                  key={f}
                  size="compact-sm"
                  variant="subtle"
                  leftSection={<IconDownload size={14} aria-hidden />}
                  onClick={() => download(`/api/imports/templates/${kind}.${f}`, `txng-mau-${kind}.${f}`)}
                >
                  .{f}
                </Button>
              ))}
            </Group>
            <FileInput
              label={t('import.file')}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
              value={file}
              onChange={(f) => {
                setFile(f);
                setResult(null);
              }}
              clearable
            />
            <Group>
              <Button variant="light" disabled={!file} loading={busy} onClick={() => run(false)}>
                {t('import.preview')}
              </Button>
              <Button
                disabled={!file || !result || result.errors.length > 0 || result.committed}
                loading={busy}
                leftSection={<IconUpload size={16} aria-hidden />}
                onClick={() => run(true)}
              >
                {t('import.commit')}
              </Button>
            </Group>
          </Stack>
        </Card>
        <Card withBorder>
          <Title order={2} size="h5" mb="sm">
            {t('import.exportTitle')}
          </Title>
          <Stack gap="xs">
            {exportKinds.map((k) => (
              <Group key={k} justify="space-between">
                <Text size="sm">{t(`import.kind.${k}`)}</Text>
                <Group gap={4}>
                  {(['xlsx', 'csv'] as const).map((f) => (
                    <Button
                      key={f}
                      size="compact-sm"
                      variant="light"
                      leftSection={<IconDownload size={14} aria-hidden />}
                      onClick={() => download(`/api/exports/${k}.${f}`, `txng-${k}.${f}`)}
                    >
                      .{f}
                    </Button>
                  ))}
                </Group>
              </Group>
            ))}
          </Stack>
        </Card>
      </SimpleGrid>
      {result ? (
        <Card withBorder>
          <Alert
            color={result.committed ? 'teal' : result.errors.length ? 'red' : 'blue'}
            mb="sm"
            title={
              result.committed
                ? t('import.committed', { count: result.valid })
                : t('import.previewResult', { valid: result.valid, total: result.total })
            }
          >
            {result.errors.length ? t('import.fixErrors', { count: result.errors.length }) : null}
          </Alert>
          {result.errors.length ? (
            <Table mb="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('import.row')}</Table.Th>
                  <Table.Th>{t('import.column')}</Table.Th>
                  <Table.Th>{t('import.error')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.errors.map((e) => (
                  <Table.Tr key={`${e.row}-${e.column}-${e.code}`}>
                    <Table.Td>{e.row}</Table.Td>
                    <Table.Td>{e.columnName ?? e.column ?? '—'}</Table.Td>
                    <Table.Td>{e.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : null}
          <Table.ScrollContainer minWidth={600}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('import.row')}</Table.Th>
                  {columns.map((c) => (
                    <Table.Th key={c.key}>{c.name}</Table.Th>
                  ))}
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.rows.map((r) => (
                  <Table.Tr key={r.row}>
                    <Table.Td>{r.row}</Table.Td>
                    {columns.map((c) => (
                      <Table.Td key={c.key}>{r.values[c.key]}</Table.Td>
                    ))}
                    <Table.Td>
                      <Badge color={r.ok ? 'teal' : 'red'} variant="light">
                        {r.ok ? t('import.ok') : t('import.hasError')}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      ) : null}
    </Stack>
  );
}
