import { ActionIcon, Button, FileButton, Group, Image, Stack, Text } from '@mantine/core';
import { IconPhotoPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadFile } from '../api/files.ts';
import { ProblemAlert } from './ProblemAlert.tsx';

interface Props {
  label: React.ReactNode;
  organisationId: string;
  value: string[];
  onChange(urls: string[]): void;
  error?: React.ReactNode;
}

/** Uploads photos to the files service (re-encoded there, metadata stripped) and keeps their URLs. */
export function ImageUpload({ label, organisationId, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);

  const upload = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    try {
      const stored = await uploadFile(file, organisationId);
      onChange([...value, stored.url]);
    } catch (e) {
      setProblem(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {problem ? <ProblemAlert error={problem} /> : null}
      <Group gap="sm">
        {value.map((url) => (
          <div key={url} style={{ position: 'relative' }}>
            <Image src={url} alt="" w={88} h={88} fit="cover" radius="sm" />
            <ActionIcon
              size="sm"
              color="red"
              variant="filled"
              style={{ position: 'absolute', top: 4, right: 4 }}
              aria-label={t('common.delete')}
              onClick={() => onChange(value.filter((u) => u !== url))}
            >
              <IconX size={14} aria-hidden />
            </ActionIcon>
          </div>
        ))}
        <FileButton onChange={upload} accept="image/jpeg,image/png,image/webp,image/gif,image/avif">
          {(props) => (
            <Button
              {...props}
              variant="light"
              loading={busy}
              leftSection={<IconPhotoPlus size={18} aria-hidden />}
              h={88}
            >
              {t('product.addImage')}
            </Button>
          )}
        </FileButton>
      </Group>
      {error ? (
        <Text size="xs" c="red">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}
