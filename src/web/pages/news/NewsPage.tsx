import {
  Anchor,
  Badge,
  Button,
  FileButton,
  Grid,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Typography,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPaperclip } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, post } from '../../api/client.ts';
import { applyProblem } from '../../api/form-errors.ts';
import { useGet } from '../../api/hooks.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDate } from '../../format.ts';
import './words.ts';

type Kind = 'news' | 'guidance';
interface Attachment {
  id: string;
  name: string | null;
  kind: string;
  byteSize: number;
  url: string;
}
interface NewsItem {
  id: string;
  kind: Kind;
  slug: string;
  title: string;
  summary: string;
  body: string;
  attachments: Attachment[];
  status: 'draft' | 'published';
  publishedAt: string | null;
  updatedAt: string;
}

const portalPath = (item: NewsItem) => `${item.kind === 'guidance' ? '/huong-dan' : '/tin-tuc'}/${item.slug}`;

/** The department's news and guidance for the public portal: list, write with a live preview, attach, publish. */
export function NewsPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<string>('');
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [editing, setEditing] = useState<NewsItem | 'new' | null>(null);
  const list = useGet<{ items: NewsItem[]; total: number }>('/api/news', {
    kind: kind || undefined,
    q: debouncedQ || undefined,
    pageSize: 100,
  });
  const queryClient = useQueryClient();
  const [actionError, setActionError] = useState<unknown>(null);
  const setPublished = async (item: NewsItem, publish: boolean) => {
    setActionError(null);
    try {
      await post(`/api/news/${item.id}/${publish ? 'publish' : 'unpublish'}`, publish ? {} : undefined);
      notifications.show({ color: 'green', message: t(publish ? 'news.published' : 'news.unpublished') });
      await queryClient.invalidateQueries({ queryKey: ['/api/news'] });
    } catch (error) {
      setActionError(error);
    }
  };
  const items = list.data?.items ?? [];
  return (
    <Stack>
      <PageHeader
        title={t('nav.news')}
        description={t('news.description')}
        actions={<Button onClick={() => setEditing('new')}>{t('news.new')}</Button>}
      />
      <Group>
        <SegmentedControl
          value={kind}
          onChange={setKind}
          data={[
            { value: '', label: t('news.all') },
            { value: 'news', label: t('news.kinds.news') },
            { value: 'guidance', label: t('news.kinds.guidance') },
          ]}
        />
        <TextInput
          aria-label={t('news.search')}
          placeholder={t('news.search')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          style={{ flex: 1, minWidth: 200 }}
        />
      </Group>
      <ProblemAlert error={list.error ?? actionError} />
      {list.data && !items.length ? (
        <Text c="dimmed">{t('news.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('news.title')}</Table.Th>
                <Table.Th>{t('news.kind')}</Table.Th>
                <Table.Th>{t('news.status')}</Table.Th>
                <Table.Th>{t('news.publishedAt')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Anchor component="button" onClick={() => setEditing(item)} fw={600} ta="left">
                      {item.title}
                    </Anchor>
                    {item.summary ? (
                      <Text size="sm" c="dimmed" lineClamp={2}>
                        {item.summary}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{t(`news.kinds.${item.kind}`)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge
                      color={item.status === 'published' ? 'green' : 'gray'}
                      variant="light"
                      styles={{ root: { minWidth: 'max-content' } }}
                    >
                      {t(`news.statuses.${item.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {item.status === 'published' ? formatDate(item.publishedAt) : ''}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap" justify="flex-end">
                      {item.status === 'published' ? (
                        <>
                          <Button
                            size="xs"
                            variant="subtle"
                            component="a"
                            href={portalPath(item)}
                            target="_blank"
                          >
                            {t('news.view')}
                          </Button>
                          <Button
                            size="xs"
                            variant="light"
                            color="orange"
                            onClick={() => setPublished(item, false)}
                          >
                            {t('news.unpublish')}
                          </Button>
                        </>
                      ) : (
                        <Button size="xs" variant="light" onClick={() => setPublished(item, true)}>
                          {t('news.publish')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing ? (
        <NewsEditor
          item={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={async () => {
            setEditing(null);
            await queryClient.invalidateQueries({ queryKey: ['/api/news'] });
          }}
        />
      ) : null}
    </Stack>
  );
}

function NewsEditor({
  item,
  onClose,
  onSaved,
}: {
  item: NewsItem | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const form = useForm({
    initialValues: {
      kind: (item?.kind ?? 'news') as Kind,
      title: item?.title ?? '',
      summary: item?.summary ?? '',
      body: item?.body ?? '',
    },
    validate: { title: (v) => (v.trim() ? null : t('news.titleRequired')) },
  });
  const [attachments, setAttachments] = useState<Attachment[]>(item?.attachments ?? []);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [body] = useDebouncedValue(form.values.body, 400);
  const preview = useQuery({
    queryKey: ['/api/news/preview', body],
    queryFn: () => post<{ html: string }>('/api/news/preview', { body }),
    enabled: body.trim().length > 0,
  });
  const upload = async (file: File | null) => {
    if (!file) return;
    setUploading(true);
    setError(null);
    try {
      const data = new FormData();
      data.append('file', file);
      const stored = await api<Attachment>('POST', '/api/news/attachments', { form: data });
      setAttachments((list) => [...list, stored]);
    } catch (e) {
      setError(e);
    } finally {
      setUploading(false);
    }
  };
  const save = form.onSubmit(async (values) => {
    setSaving(true);
    setError(null);
    const payload = { ...values, attachmentIds: attachments.map((a) => a.id) };
    try {
      if (item) await api('PATCH', `/api/news/${item.id}`, { body: payload });
      else await post('/api/news', payload);
      notifications.show({ color: 'green', message: t('news.saved') });
      onSaved();
    } catch (e) {
      // field messages go beside their inputs; the alert repeats the problem's title
      applyProblem(form, e);
      setError(e);
    } finally {
      setSaving(false);
    }
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={item ? t('news.edit') : t('news.new')}
      size="90rem"
      fullScreen={phone}
    >
      <form onSubmit={save} noValidate>
        <ProblemAlert error={error} />
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack gap="sm">
              <Select
                label={t('news.kind')}
                data={[
                  { value: 'news', label: t('news.kinds.news') },
                  { value: 'guidance', label: t('news.kinds.guidance') },
                ]}
                allowDeselect={false}
                {...form.getInputProps('kind')}
              />
              <TextInput label={t('news.title')} required maxLength={200} {...form.getInputProps('title')} />
              <Textarea
                label={t('news.summary')}
                autosize
                minRows={2}
                maxLength={600}
                {...form.getInputProps('summary')}
              />
              <Textarea
                label={t('news.body')}
                description={t('news.bodyHelp')}
                autosize
                minRows={12}
                maxRows={30}
                styles={{ input: { fontFamily: 'ui-monospace, monospace', fontSize: 14 } }}
                {...form.getInputProps('body')}
              />
              <div>
                <Text fw={500} size="sm">
                  {t('news.attachments')}
                </Text>
                {attachments.length ? (
                  <Stack gap={4} my={4}>
                    {attachments.map((a) => (
                      <Group key={a.id} gap="xs">
                        <IconPaperclip size={16} aria-hidden />
                        <Anchor href={a.url} target="_blank" size="sm">
                          {a.name ?? a.url}
                        </Anchor>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() => setAttachments((list) => list.filter((x) => x.id !== a.id))}
                        >
                          {t('news.remove')}
                        </Button>
                      </Group>
                    ))}
                  </Stack>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('news.noAttachments')}
                  </Text>
                )}
                <FileButton onChange={upload} accept="image/*,application/pdf">
                  {(props) => (
                    <Button {...props} variant="light" size="xs" mt={6} loading={uploading}>
                      {t('news.attach')}
                    </Button>
                  )}
                </FileButton>
                <Text size="xs" c="dimmed" mt={4}>
                  {t('news.attachHelp')}
                </Text>
              </div>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Text fw={500} size="sm" mb={4}>
              {t('news.preview')}
            </Text>
            <Paper withBorder p="md" radius="md" data-testid="news-preview" mih={200}>
              <Text fw={700} fz={26} lh={1.3} mb="xs">
                {form.values.title}
              </Text>
              {form.values.summary ? (
                <Text fw={600} mb="sm">
                  {form.values.summary}
                </Text>
              ) : null}
              {body.trim() && preview.data ? (
                <Typography>
                  {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the server's own rendering (news.render.ts): Markdown without raw HTML, links http(s) or relative only */}
                  <div dangerouslySetInnerHTML={{ __html: preview.data.html }} />
                </Typography>
              ) : (
                <Text c="dimmed" size="sm">
                  {t('news.previewEmpty')}
                </Text>
              )}
            </Paper>
          </Grid.Col>
        </Grid>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {t('news.save')}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
