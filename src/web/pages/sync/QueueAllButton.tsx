import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatNumber } from '../../format.ts';
import { type QueuedAll, queuedLines } from './queued-words.ts';

/**
 * Sends what was approved before a receiver was configured (sync turned on later, a receiver added): asked to
 * confirm, then says per receiver what was queued. Records a receiver already has are not sent again.
 */
export function QueueAllButton({ invalidatePrefix }: { invalidatePrefix: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const send = useMutation({
    mutationFn: () => api<QueuedAll>('POST', '/api/sync/outbox/queue-all'),
    onSuccess: () =>
      queryClient.invalidateQueries({
        predicate: (q) => typeof q.queryKey[0] === 'string' && q.queryKey[0].startsWith(invalidatePrefix),
      }),
  });
  const close = () => {
    setOpened(false);
    send.reset();
  };
  const lines = send.data
    ? queuedLines(send.data, {
        kind: (kind) => t(`sync.kind.${kind}`).toLowerCase(),
        number: formatNumber,
        nothing: t('sync.queueAll.nothing'),
      })
    : [];
  return (
    <>
      <Button
        leftSection={<IconSend size={16} aria-hidden />}
        variant="light"
        onClick={() => setOpened(true)}
      >
        {t('sync.queueAll.button')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('sync.queueAll.title')}>
        <Stack>
          {send.data ? (
            <Alert
              color="teal"
              title={t(
                send.data.receivers.some((r) => r.total) ? 'sync.queueAll.done' : 'sync.queueAll.doneNothing',
              )}
            >
              <List size="sm" spacing={4}>
                {lines.map((line) => (
                  <List.Item key={line}>{line}</List.Item>
                ))}
              </List>
            </Alert>
          ) : (
            <Text size="sm">{t('sync.queueAll.explain')}</Text>
          )}
          {send.error ? <ProblemAlert error={send.error} /> : null}
          <Group justify="flex-end">
            {send.data ? (
              <Button onClick={close}>{t('sync.queueAll.close')}</Button>
            ) : (
              <>
                <Button variant="default" onClick={close}>
                  {t('common.cancel')}
                </Button>
                <Button loading={send.isPending} onClick={() => send.mutate()}>
                  {t('sync.queueAll.confirm')}
                </Button>
              </>
            )}
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
