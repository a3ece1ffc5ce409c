import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useSend } from '../../api/hooks.ts';

interface Props {
  entityType: string;
  entityId: string;
  status: string;
  invalidate: string[];
}

/** Sends a draft or returned record to the department's review queue. */
export function SubmitForReview({ entityType, entityId, status, invalidate }: Props) {
  const { t } = useTranslation();
  const send = useSend('POST', '/api/review/submissions', {
    invalidate: [...invalidate, '/api/review'],
    success: 'review.submitted',
  });
  if (status !== 'draft' && status !== 'returned') return null;
  return (
    <Button
      size="xs"
      variant="light"
      leftSection={<IconSend size={14} aria-hidden />}
      loading={send.isPending}
      onClick={() =>
        send.mutate(
          { entityType, entityId },
          {
            onError: (error) =>
              notifications.show({
                color: 'red',
                title: error instanceof ApiError ? error.problem.title : t('common.networkError'),
                message: error instanceof ApiError ? (error.problem.detail ?? '') : '',
              }),
          },
        )
      }
    >
      {t('review.submit')}
    </Button>
  );
}
