import { Button, Group, Modal, Stack } from '@mantine/core';
import { type ReactNode, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemDocument } from '../api/client.ts';
import { ProblemAlert } from './ProblemAlert.tsx';

interface Props {
  title: string;
  opened: boolean;
  onClose(): void;
  onSubmit(event?: React.FormEvent<HTMLFormElement>): void;
  problem: ProblemDocument | null;
  submitting: boolean;
  submitLabel?: string;
  size?: string;
  children: ReactNode;
}

/** A form in a dialog: problem shown on top, field messages beside their inputs. */
export function FormModal({
  title,
  opened,
  onClose,
  onSubmit,
  problem,
  submitting,
  submitLabel,
  size = 'lg',
  children,
}: Props) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  // a check that fails before sending marks its fields: the first one is brought into view, also from the foot
  // of a long scrolled dialog where the person pressed Save
  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    onSubmit(event);
    setTimeout(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} fullScreen={false}>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          {problem ? <ProblemAlert error={problem} /> : null}
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={submitting}>
              {submitLabel ?? t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
