import { Alert, Badge, Button, Card, Group, List, Loader, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCloudCheck, IconCloudOff, IconCloudUpload } from '@tabler/icons-react';
import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format.ts';
import { newId } from './ids.ts';
import { type OutboxItem, type OutboxKind, putOutbox, removeOutbox } from './outbox.ts';
import { readableText } from './readable.ts';
import { getSyncStatus, startSync, subscribeSync, syncOutbox } from './sync.ts';
import './words.ts';

export function useSyncStatus() {
  useEffect(() => startSync(), []);
  return useSyncExternalStore(subscribeSync, getSyncStatus);
}

const idTaken = (item: OutboxItem) => /-id-taken$/.test(item.problem?.type ?? '');

/**
 * The state of what was written on this phone (decision 061): no connection, how many entries wait, sending, sent;
 * then each entry the server refused, in its words, with a way to fix, send again or discard it.
 */
export function OfflinePanel({ kind, onFix }: { kind: OutboxKind; onFix?: (item: OutboxItem) => void }) {
  const { t } = useTranslation();
  const s = useSyncStatus();
  const conflicts = s.conflicts.filter((i) => i.kind === kind);

  const retry = async (item: OutboxItem, fresh = false) => {
    if (fresh) await removeOutbox(item.id);
    const id = fresh ? newId() : item.id;
    await putOutbox({ ...item, id, body: { ...item.body, id }, state: 'waiting', problem: undefined });
    void syncOutbox();
  };
  const discard = async (item: OutboxItem) => {
    if (!window.confirm(t('offline.discardConfirm'))) return;
    await removeOutbox(item.id);
    notifications.show({ color: 'gray', message: t('offline.discarded') });
  };

  return (
    // announced as it changes: offline, waiting, sending, sent
    <Stack gap="xs" data-testid="offline-status" role="status" aria-live="polite">
      {!s.online ? (
        <Alert
          color="gray"
          icon={<IconCloudOff aria-hidden />}
          title={t('offline.offline')}
          data-testid="offline"
        >
          {t('offline.offlineHint')}
        </Alert>
      ) : null}
      {s.signedOut && s.waiting ? <Alert color="orange">{t('offline.signInToSend')}</Alert> : null}
      {s.syncing ? (
        <Group gap="xs" data-testid="syncing">
          <Loader size="xs" aria-hidden />
          <Text size="sm">{t('offline.syncing')}</Text>
        </Group>
      ) : s.waiting ? (
        <Group gap="xs" justify="space-between" data-testid="waiting">
          <Group gap={6}>
            <IconCloudUpload size={18} aria-hidden />
            <Text size="sm" fw={600}>
              {t('offline.waiting', { count: s.waiting })}
            </Text>
          </Group>
          <Button size="xs" variant="light" disabled={!s.online} onClick={() => void syncOutbox()}>
            {t('offline.sendNow')}
          </Button>
        </Group>
      ) : s.synced && s.online ? (
        <Group gap={6} c="teal.8" data-testid="synced">
          <IconCloudCheck size={18} aria-hidden />
          <Text size="sm">{t('offline.synced', { count: s.synced })}</Text>
        </Group>
      ) : null}
      {conflicts.length ? (
        <Text size="sm" fw={600} c="red.8">
          {t('offline.conflicts', { count: conflicts.length })}
        </Text>
      ) : null}
      {conflicts.map((item) => (
        <Card
          key={item.id}
          withBorder
          padding="sm"
          data-testid="conflict"
          style={{ borderColor: 'var(--mantine-color-red-4)' }}
        >
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconAlertTriangle
              size={18}
              color="var(--mantine-color-red-7)"
              aria-hidden
              style={{ flexShrink: 0 }}
            />
            <Stack gap={4}>
              <Text fw={600} size="sm">
                {item.label}
              </Text>
              <Text size="sm">{readableText(item.problem?.title ?? '')}</Text>
              {item.problem?.errors?.length ? (
                <List size="sm">
                  {item.problem.errors.map((e) => (
                    <List.Item key={`${e.field}${e.code}`}>{readableText(e.message)}</List.Item>
                  ))}
                </List>
              ) : null}
            </Stack>
          </Group>
          <Group gap="xs" mt="xs">
            {idTaken(item) ? (
              <Button size="xs" onClick={() => void retry(item, true)}>
                {t('offline.asNew')}
              </Button>
            ) : onFix ? (
              <Button size="xs" onClick={() => onFix(item)}>
                {t('offline.fix')}
              </Button>
            ) : null}
            {!idTaken(item) ? (
              <Button size="xs" variant="light" disabled={!s.online} onClick={() => void retry(item)}>
                {t('offline.retry')}
              </Button>
            ) : null}
            <Button size="xs" variant="subtle" color="red" onClick={() => void discard(item)}>
              {t('offline.discard')}
            </Button>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

/** The entries of this kind still on the phone, shown above those the server has, marked as waiting. */
export function WaitingEntries({
  kind,
  where,
  render,
}: {
  kind: OutboxKind;
  /** which of them belong on this page (the diary: the plot shown) */
  where?: (item: OutboxItem) => boolean;
  render?: (item: OutboxItem) => string;
}) {
  const { t } = useTranslation();
  const s = useSyncStatus();
  return s.pending
    .filter((i) => i.kind === kind && (!where || where(i)))
    .map((item) => (
      <Card key={item.id} withBorder padding="sm" data-testid="waiting-entry">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600}>{item.label}</Text>
          <Badge variant="light" color="orange" style={{ flexShrink: 0 }}>
            {t('offline.waitingBadge')}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {[
            render?.(item),
            t('offline.savedOn', { time: formatDateTime(item.createdAt) }),
            item.photos.length ? t('offline.photos', { count: item.photos.length }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Card>
    ));
}
