import {
  AppShell,
  Burger,
  Center,
  Group,
  Loader,
  Menu,
  NavLink,
  ScrollArea,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconKey, IconLogout } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, Outlet, useLocation, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { post, setCsrfToken } from '../api/client.ts';
import { useMe } from '../api/session.ts';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { ChangePasswordModal } from '../pages/account/ChangePasswordModal.tsx';
import { TemporaryPasswordPage } from '../pages/account/TemporaryPasswordPage.tsx';
import { NoAccessPage } from '../pages/NoAccessPage.tsx';
import { mayOpenPath } from './access.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { canSee, navItems } from './nav.ts';

/** The signed-in frame: header, left navigation by role, and the page. */
export function Shell() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [opened, { toggle, close }] = useDisclosure();
  const [changing, passwordDialog] = useDisclosure();

  if (me.isPending)
    return (
      <Center h="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (me.error) return <ProblemAlert error={me.error} />;
  // nobody signed in any more: the sign-in page and back, never an empty frame
  if (!me.data) return <Navigate to="/sign-in" search={{ next: location.href }} />;
  const user = me.data;

  const signOut = async () => {
    await post('/api/auth/sign-out').catch(() => undefined);
    setCsrfToken(null);
    queryClient.clear();
    await navigate({ to: '/sign-in', search: { next: undefined } });
  };
  if (user.mustChangePassword) return <TemporaryPasswordPage onSignOut={signOut} />;

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#main" className="skip-link">
        {t('common.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <Text fw={700} c="teal.8">
              TXNG
            </Text>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {t('app.title')}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <Menu position="bottom-end">
              <Menu.Target>
                <UnstyledButton aria-label={t('nav.account')} data-testid="account-menu">
                  <Group gap={4} wrap="nowrap">
                    <Text size="sm" fw={500} truncate maw={160}>
                      {user.name}
                    </Text>
                    <IconChevronDown size={14} aria-hidden />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{t(`role.${user.role}`)}</Menu.Label>
                <Menu.Item leftSection={<IconKey size={16} aria-hidden />} onClick={passwordDialog.open}>
                  {t('account.changePassword')}
                </Menu.Item>
                <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={signOut}>
                  {t('auth.signOut')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.main')}>
        <ScrollArea>
          {navItems
            .filter((item) => canSee(item, user.role))
            .map((item) => {
              const active =
                item.to === '/' ? location.pathname === '/' : location.pathname.startsWith(item.to);
              return (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={item.to}
                  label={t(item.label)}
                  leftSection={<item.icon size={18} aria-hidden />}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  onClick={close}
                  py="sm"
                />
              );
            })}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {/* one guard for every page, from the table the menu reads: a page the role may not use is never drawn */}
        {mayOpenPath(location.pathname, user.role) ? <Outlet /> : <NoAccessPage />}
      </AppShell.Main>
      <ChangePasswordModal opened={changing} onClose={passwordDialog.close} />
    </AppShell>
  );
}
