import { Anchor, Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../layout/LanguageSwitch.tsx';

/** The public frame of the sign-in and registration pages. */
export function AuthFrame({
  title,
  children,
  width = 420,
}: {
  title: string;
  children: ReactNode;
  width?: number;
}) {
  const { t } = useTranslation();
  return (
    <Box bg="gray.0" mih="100vh" py="xl" px="md">
      <Center>
        <Stack w="100%" maw={width} gap="md">
          <Group justify="space-between">
            <div>
              <Text fw={700} c="teal.8" size="lg">
                TXNG
              </Text>
              <Text size="sm" c="dimmed">
                {t('app.title')}
              </Text>
            </div>
            <LanguageSwitch />
          </Group>
          <Paper withBorder shadow="xs" p="lg" radius="md" component="main">
            <Title order={1} size="h3" mb="md">
              {title}
            </Title>
            {children}
          </Paper>
          <Text size="xs" c="dimmed" ta="center">
            <Anchor href="/" size="xs">
              {t('app.publicSite')}
            </Anchor>
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
