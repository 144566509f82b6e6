import { AppShell, Button, Group, NavLink, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { NavLink as RouterLink, useLocation } from 'react-router-dom';
import { t } from '../lib/i18n';
import { signOut, useSession } from '../lib/session';

function Navigation() {
  const session = useSession();
  const { pathname } = useLocation();
  if (session.status !== 'signed-in') return null;
  const role = session.identity.role;
  return (
    <nav aria-label={t('nav.main')}>
      {role === 'PLATFORM_ADMIN' && (
        <NavLink label={t('nav.customers')} defaultOpened childrenOffset={16} component="div">
          <NavLink
            component={RouterLink}
            to="/customers"
            label={t('nav.customerManagement')}
            active={pathname.startsWith('/customers')}
          />
          <NavLink
            component={RouterLink}
            to="/invitations"
            label={t('nav.invitations')}
            active={pathname.startsWith('/invitations')}
          />
        </NavLink>
      )}
      {role === 'CUSTOMER' && (
        <NavLink component={RouterLink} to="/account" label={t('nav.myAccount')} active={pathname === '/account'} />
      )}
    </nav>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const session = useSession();
  const identity = session.status === 'signed-in' ? session.identity : undefined;
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppShell header={{ height: 52 }} navbar={{ width: 200, breakpoint: 0 }} padding="md">
        <AppShell.Header px="md">
          <Group h="100%" justify="space-between">
            <Title order={2} size="h4">
              {t('app.name')}
            </Title>
            {identity && (
              <Group gap="sm">
                <Text size="sm">
                  {t('nav.signedInAs', { name: identity.username ?? identity.subject })} · {t(`role.${identity.role}`)}
                </Text>
                <Button variant="default" size="xs" onClick={() => void signOut()}>
                  {t('nav.signOut')}
                </Button>
              </Group>
            )}
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs">
          <Navigation />
        </AppShell.Navbar>
        <AppShell.Main id="main" tabIndex={-1}>
          {children}
        </AppShell.Main>
      </AppShell>
    </>
  );
}
