import { Anchor, Card, Group, List, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useGet } from '../../api/hooks.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDate, formatDateTime } from '../../format.ts';

interface Todo {
  toReview: {
    total: number;
    oldest: { id: string; title: string; entityType: string; submittedAt: string }[];
  };
  toFix: { entityType: string; id: string; name: string; status: string; reason: string | null }[];
  certificates: { organisationId: string; kind: string; number: string; validTo: string; expired: boolean }[];
}

const pageOf: Record<string, (id: string) => string> = {
  organisation: (id) => `/organisations/${id}`,
  product: () => '/products',
  location: () => '/locations',
  lot: () => '/lots',
};

/** "Việc cần làm": what the signed-in person should do next, each entry leading to where it is done. */
export function TodoPanel() {
  const { t } = useTranslation();
  const todo = useGet<Todo>('/api/review/todo');
  if (todo.isError) return null;
  const data = todo.data;
  const empty = data && !data.toReview.total && !data.toFix.length && !data.certificates.length;
  return (
    <Card withBorder padding="lg" data-testid="todo">
      <Title order={2} size="h4" mb="sm">
        {t('dashboard.todo')}
      </Title>
      {!data ? (
        <Skeleton h={60} />
      ) : empty ? (
        <Text size="sm" c="dimmed">
          {t('dashboard.nothingToDo')}
        </Text>
      ) : (
        <Stack gap="md">
          {data.toReview.total ? (
            <div>
              <Anchor component={Link} to="/review" fw={600}>
                {t('dashboard.toReview', { count: data.toReview.total })}
              </Anchor>
              <List size="sm" mt={4}>
                {data.toReview.oldest.map((i) => (
                  <List.Item key={i.id}>
                    {i.title}{' '}
                    <Text span size="xs" c="dimmed">
                      {t('review.submittedAt', { at: formatDateTime(i.submittedAt) })}
                    </Text>
                  </List.Item>
                ))}
              </List>
            </div>
          ) : null}
          {data.toFix.length ? (
            <div>
              <Text fw={600}>{t('dashboard.toFix', { count: data.toFix.length })}</Text>
              <List size="sm" mt={4} spacing={4}>
                {data.toFix.map((f) => (
                  <List.Item key={`${f.entityType}-${f.id}`}>
                    <Group gap={6} wrap="wrap">
                      <Anchor component={Link} to={pageOf[f.entityType]?.(f.id) ?? '/'}>
                        {t(`entityType.${f.entityType}`)}: {f.name}
                      </Anchor>
                      <StatusBadge status={f.status} />
                    </Group>
                    {f.reason ? (
                      <Text size="xs" c="orange.9">
                        {t('review.reason')}: {f.reason}
                      </Text>
                    ) : null}
                  </List.Item>
                ))}
              </List>
            </div>
          ) : null}
          {data.certificates.length ? (
            <div>
              <Text fw={600}>{t('dashboard.certificates')}</Text>
              <List size="sm" mt={4}>
                {data.certificates.map((c) => (
                  <List.Item key={`${c.organisationId}-${c.number}`}>
                    <Anchor component={Link} to={`/organisations/${c.organisationId}`}>
                      {t(`certificateKind.${c.kind}`, { defaultValue: c.kind })} {c.number}
                    </Anchor>{' '}
                    <Text span size="sm" c={c.expired ? 'red.8' : 'orange.9'}>
                      {t(c.expired ? 'dashboard.certificateExpired' : 'dashboard.certificateExpires', {
                        date: formatDate(c.validTo),
                      })}
                    </Text>
                  </List.Item>
                ))}
              </List>
            </div>
          ) : null}
        </Stack>
      )}
    </Card>
  );
}
