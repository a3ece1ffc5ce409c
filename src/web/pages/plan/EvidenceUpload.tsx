import { ActionIcon, Anchor, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { IconPaperclip, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import type { Evidence } from './types.ts';

/** Evidence files kept as the department's own (POST /api/plan/files): each listed by name, removable before saving. */
export function EvidenceUpload({
  value,
  onChange,
}: {
  value: Evidence[];
  onChange(files: Evidence[]): void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const upload = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    try {
      const form = new FormData();
      form.append('file', file);
      const stored = await api<Evidence>('POST', '/api/plan/files', { form });
      onChange([...value, { id: stored.id, name: stored.name }]);
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t('provincePlan.evidence')}
      </Text>
      {problem ? <ProblemAlert error={problem} /> : null}
      {value.map((f) => (
        <Group key={f.id} gap="xs">
          <Anchor href={`/files/${f.id}`} target="_blank" size="sm">
            {f.name ?? t('provincePlan.evidence')}
          </Anchor>
          <ActionIcon
            size="sm"
            variant="subtle"
            color="red"
            aria-label={t('provincePlan.removeEvidence', { name: f.name ?? '' })}
            onClick={() => onChange(value.filter((x) => x.id !== f.id))}
          >
            <IconX size={14} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      <FileButton onChange={upload} accept="application/pdf,image/jpeg,image/png,image/webp">
        {(props) => (
          <Button
            {...props}
            variant="light"
            loading={busy}
            leftSection={<IconPaperclip size={16} aria-hidden />}
            w="fit-content"
          >
            {t('provincePlan.addEvidence')}
          </Button>
        )}
      </FileButton>
    </Stack>
  );
}
