import { Alert, Button, Code, CopyButton, Stack } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';

/**
 * A key the server shows once, when it is made (an API key, a sensor device's key): in full, with a copy button,
 * until the user closes it. The texts come translated from the page.
 */
export function KeyShownOnce({
  value,
  title,
  text,
  copyLabel,
  copiedLabel,
  onClose,
  testId,
}: {
  value: string;
  title: string;
  text: string;
  copyLabel: string;
  copiedLabel: string;
  onClose: () => void;
  testId?: string;
}) {
  return (
    <Alert color="teal" icon={<IconKey aria-hidden />} title={title} withCloseButton onClose={onClose}>
      <Stack gap="xs">
        {text}
        <Code block data-testid={testId}>
          {value}
        </Code>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button size="xs" variant="light" onClick={copy} w="fit-content">
              {copied ? copiedLabel : copyLabel}
            </Button>
          )}
        </CopyButton>
      </Stack>
    </Alert>
  );
}
