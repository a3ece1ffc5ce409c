import {
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Grid,
  Group,
  Loader,
  Modal,
  NumberInput,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemDocument } from '../../api/client.ts';
import { applyProblem } from '../../api/form-errors.ts';
import { useGet, useSend } from '../../api/hooks.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDateTime } from '../../format.ts';
import { PreCheckList } from './PreCheckList.tsx';
import { RecordView } from './RecordView.tsx';
import type { ReviewItemDetail } from './review-types.ts';

const entityPages: Record<string, (id: string) => string> = {
  organisation: (id) => `/organisations/${id}`,
  location: () => '/locations',
  product: () => '/products',
  lot: () => '/lots',
  stamp_request: () => '/stamps',
};

/** One item of the queue: the whole record read-only, the automatic pre-checks beside it, its history, the decision. */
export function ReviewItemPanel({ id, onDecided }: { id: string; onDecided(): void }) {
  const { t } = useTranslation();
  const detail = useGet<ReviewItemDetail>(`/api/review/items/${id}`);
  const [problem, setProblem] = useState<ProblemDocument | null>(null);
  const form = useForm({ initialValues: { reason: '', approvedQuantity: '' as number | string } });
  const [confirmReject, setConfirmReject] = useState(false);
  const decide = useSend<{ decision: string; reason?: string; approvedQuantity?: number }>(
    'POST',
    `/api/review/items/${id}/decision`,
    {
      invalidate: ['/api/review', '/api/organisations', '/api/products', '/api/lots', '/api/locations'],
      success: 'review.decided',
    },
  );

  if (detail.isPending)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (detail.error) return <ProblemAlert error={detail.error} />;
  const { item, preChecks, decisions, canDecide, record } = detail.data;
  const blocking = preChecks.filter((c) => !c.ok && c.blocking);

  const send = (decision: 'approve' | 'return' | 'reject') =>
    form.onSubmit(async (v) => {
      setProblem(null);
      try {
        await decide.mutateAsync({
          decision,
          reason: v.reason.trim() || undefined,
          // a stamp request approved for fewer stamps than asked
          ...(decision === 'approve' && v.approvedQuantity !== ''
            ? { approvedQuantity: Number(v.approvedQuantity) }
            : {}),
        });
        form.reset();
        onDecided();
      } catch (error) {
        setProblem(applyProblem(form, error));
      }
    })();

  const entityLink = entityPages[item.entityType]?.(item.entityId);
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t(`entityType.${item.entityType}`, { defaultValue: item.entityType })}
          </Text>
          <Title order={2} size="h4">
            {entityLink ? (
              <Anchor component={Link} to={entityLink}>
                {item.title}
              </Anchor>
            ) : (
              item.title
            )}
          </Title>
          <Text size="sm" c="dimmed">
            {t('review.submittedAt', { at: formatDateTime(item.submittedAt) })}
          </Text>
        </div>
        <StatusBadge status={item.status} />
      </Group>
      {item.submitNote ? <Text size="sm">{item.submitNote}</Text> : null}

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <RecordView entityType={item.entityType} record={record} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <Card withBorder>
              <Title order={3} size="h5" mb="xs">
                {t('review.preChecks')}
              </Title>
              {preChecks.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('review.noPreChecks')}
                </Text>
              ) : (
                <PreCheckList checks={preChecks} />
              )}
            </Card>

            {canDecide && item.status === 'pending' ? (
              <Card withBorder>
                {problem ? <ProblemAlert error={problem} /> : null}
                <Textarea
                  label={t('review.reason')}
                  description={t('review.reasonHint')}
                  autosize
                  minRows={2}
                  {...form.getInputProps('reason')}
                />
                {item.entityType === 'stamp_request' ? (
                  <NumberInput
                    mt="sm"
                    label={t('review.approvedQuantity')}
                    description={t('review.approvedQuantityHint')}
                    min={1}
                    thousandSeparator="."
                    decimalSeparator=","
                    allowDecimal={false}
                    {...form.getInputProps('approvedQuantity')}
                  />
                ) : null}
                <Group mt="sm" gap="xs">
                  <Button
                    color="teal"
                    leftSection={<IconCheck size={16} aria-hidden />}
                    onClick={() => send('approve')}
                    loading={decide.isPending}
                    disabled={blocking.length > 0}
                  >
                    {t('review.approve')}
                  </Button>
                  <Button
                    color="orange"
                    variant="light"
                    onClick={() => send('return')}
                    loading={decide.isPending}
                  >
                    {t('review.return')}
                  </Button>
                  <Button
                    color="red"
                    variant="light"
                    onClick={() => setConfirmReject(true)}
                    loading={decide.isPending}
                  >
                    {t('review.reject')}
                  </Button>
                </Group>
                {blocking.length ? (
                  <Text size="xs" c="red.8" mt="xs">
                    {t('review.blocked')}
                  </Text>
                ) : null}
                <Modal
                  opened={confirmReject}
                  onClose={() => setConfirmReject(false)}
                  title={t('review.rejectConfirmTitle')}
                >
                  <Stack>
                    <Text size="sm">{t('review.rejectConfirm', { title: item.title })}</Text>
                    <Group justify="flex-end">
                      <Button variant="default" onClick={() => setConfirmReject(false)}>
                        {t('common.cancel')}
                      </Button>
                      <Button
                        color="red"
                        onClick={() => {
                          setConfirmReject(false);
                          send('reject');
                        }}
                      >
                        {t('review.reject')}
                      </Button>
                    </Group>
                  </Stack>
                </Modal>
              </Card>
            ) : null}
          </Stack>
        </Grid.Col>
      </Grid>

      {decisions.length ? (
        <div>
          <Title order={3} size="h5" mb="xs">
            {t('review.history')}
          </Title>
          <Stack gap="xs">
            {decisions.map((d) => (
              <Text key={d.id} size="sm">
                <Badge variant="light" mr="xs">
                  {t(`review.decision.${d.decision}`)}
                </Badge>
                {formatDateTime(d.decidedAt)} — {d.actorName} (
                {t(`role.${d.actorRole}`, { defaultValue: d.actorRole })}){d.reason ? `: ${d.reason}` : ''}
              </Text>
            ))}
          </Stack>
        </div>
      ) : null}
    </Stack>
  );
}
