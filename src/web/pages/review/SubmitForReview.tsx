import { Alert, Button, Center, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGet, useSend } from '../../api/hooks.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { PreCheckList, type PreCheckView } from './PreCheckList.tsx';

interface Props {
  entityType: string;
  entityId: string;
  status: string;
  invalidate: string[];
}

/** The pre-checks the record would meet in review, then the button that sends it. */
function PreSubmit({
  entityType,
  entityId,
  onSent,
  onClose,
  invalidate,
}: Omit<Props, 'status'> & { onSent(): void; onClose(): void }) {
  const { t } = useTranslation();
  const checks = useGet<{ preChecks: PreCheckView[] }>('/api/review/pre-checks', { entityType, entityId });
  const send = useSend('POST', '/api/review/submissions', {
    invalidate: [...invalidate, '/api/review'],
    success: 'review.submitted',
  });
  const blocking = (checks.data?.preChecks ?? []).filter((c) => c.applies && !c.ok && c.blocking);
  return (
    <Stack>
      <Text size="sm">{t('review.preSubmitIntro')}</Text>
      {checks.isPending ? (
        <Center py="md">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : checks.error ? (
        <ProblemAlert error={checks.error} />
      ) : (
        <PreCheckList checks={checks.data.preChecks} />
      )}
      {/* submitting stays possible (a lot waits for its product's approval), but the owner knows what is missing */}
      {blocking.length ? <Alert color="orange">{t('review.preSubmitBlocked')}</Alert> : null}
      {send.error ? <ProblemAlert error={send.error} /> : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          leftSection={<IconSend size={16} aria-hidden />}
          disabled={checks.isPending}
          loading={send.isPending}
          onClick={() => send.mutate({ entityType, entityId }, { onSuccess: onSent })}
        >
          {t('review.sendNow')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * Sends a draft or returned record to the department's review queue — after showing its owner the pre-checks it
 * will meet, so what approval needs is fixed before, not after, a round trip through the queue.
 */
export function SubmitForReview({ entityType, entityId, status, invalidate }: Props) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  if (status !== 'draft' && status !== 'returned') return null;
  return (
    <>
      <Button
        size="xs"
        variant="light"
        leftSection={<IconSend size={14} aria-hidden />}
        onClick={() => setOpened(true)}
      >
        {t('review.submit')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('review.preSubmitTitle')} size="lg">
        {opened ? (
          <PreSubmit
            entityType={entityType}
            entityId={entityId}
            invalidate={invalidate}
            onClose={() => setOpened(false)}
            onSent={() => setOpened(false)}
          />
        ) : null}
      </Modal>
    </>
  );
}
