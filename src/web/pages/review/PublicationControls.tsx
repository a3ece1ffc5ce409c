import { Alert, Badge, Button, Group, Modal, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { IconEyeOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSend } from '../../api/hooks.ts';
import { useMe } from '../../api/session.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';

/**
 * Beside a record's review status: while an edit waits for review, the approved version is what the public sees
 * (stamps keep answering with it), and the owner is told so.
 */
export function KeptPublicBadge({ kept }: { kept: boolean }) {
  const { t } = useTranslation();
  if (!kept) return null;
  return (
    <Tooltip label={t('publication.keptHint')} multiline w={280} withArrow>
      <Badge color="teal" variant="outline" styles={{ root: { minWidth: 'max-content' } }}>
        {t('publication.kept')}
      </Badge>
    </Tooltip>
  );
}

interface Props {
  entityType: 'organisation' | 'location' | 'product' | 'lot';
  entityId: string;
  name: string;
  status: string;
  kept: boolean;
  invalidate: string[];
}

/**
 * The department takes a record off the public pages, with the reason its organisation will read; asked to confirm,
 * since every stamp of it then answers as unknown. Shown only to the department, only when something is public.
 */
export function WithdrawPublication({ entityType, entityId, name, status, kept, invalidate }: Props) {
  const { t } = useTranslation();
  const me = useMe().data;
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const send = useSend('POST', '/api/review/withdrawals', {
    invalidate: [...invalidate, '/api/review'],
    success: 'publication.withdrawn',
  });
  if (!me || !['dost_admin', 'dost_reviewer'].includes(me.role) || (status !== 'approved' && !kept))
    return null;
  const close = () => {
    setOpened(false);
    setReason('');
    send.reset();
  };
  return (
    <>
      <Button
        size="xs"
        variant="subtle"
        color="red"
        leftSection={<IconEyeOff size={14} aria-hidden />}
        onClick={() => setOpened(true)}
      >
        {t('publication.withdraw')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('publication.withdrawTitle', { name })}>
        <Stack>
          <Text size="sm">{t('publication.withdrawWarning')}</Text>
          {send.error ? <ProblemAlert error={send.error} /> : null}
          <Textarea
            label={t('review.reason')}
            description={t('publication.reasonHint')}
            required
            autosize
            minRows={3}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              disabled={!reason.trim()}
              loading={send.isPending}
              onClick={() =>
                send.mutate({ entityType, entityId, reason: reason.trim() }, { onSuccess: () => close() })
              }
            >
              {t('publication.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/**
 * Why the department returned or rejected a record, wherever its owner sees it: under its status in a list
 * (`inline`), or on top of its form while it is being fixed (`alert`).
 */
export function ReviewReason({
  status,
  note,
  variant = 'inline',
}: {
  status: string;
  note: string | null | undefined;
  variant?: 'inline' | 'alert';
}) {
  const { t } = useTranslation();
  if (!note || (status !== 'returned' && status !== 'rejected')) return null;
  if (variant === 'alert')
    return (
      <Alert
        color="orange"
        title={t(status === 'returned' ? 'review.returnedBecause' : 'review.rejectedBecause')}
      >
        {note}
      </Alert>
    );
  return (
    <Text size="xs" c="orange.9" maw={260} lineClamp={3} title={note}>
      {t('review.reason')}: {note}
    </Text>
  );
}
