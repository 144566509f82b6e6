import { Center, Loader, Stack, Text, Anchor } from '@mantine/core';
import { lazy, type ReactNode, Suspense } from 'react';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { t } from '../lib/i18n';
import { type Role, useSession } from '../lib/session';
import { lastPlatform } from '../features/session/lastPlatform';
import { SignInPage } from '../features/session/SignInPage';
import { CustomerListPage } from '../features/customers/CustomerListPage';
import { ProviderPage } from '../features/session/ProviderPage';
import { Layout } from './Layout';

// The list is the page admins open first; the rest loads when it is first visited.
const CustomerDetailsPage = lazy(() =>
  import('../features/customers/CustomerDetailsPage').then((m) => ({ default: m.CustomerDetailsPage })),
);
const InvitationsPage = lazy(() =>
  import('../features/invitations/InvitationsPage').then((m) => ({ default: m.InvitationsPage })),
);
const RegisterPage = lazy(() => import('../features/registration/RegisterPage').then((m) => ({ default: m.RegisterPage })));
const VerifyEmailPage = lazy(() =>
  import('../features/registration/VerifyEmailPage').then((m) => ({ default: m.VerifyEmailPage })),
);
const MyAccountPage = lazy(() => import('../features/me/MyAccountPage').then((m) => ({ default: m.MyAccountPage })));

const HOME: Record<Role, string> = {
  PLATFORM_ADMIN: '/customers',
  CUSTOMER: '/account',
  PROVIDER: '/provider',
};

function Restoring() {
  return (
    <Center h="100vh">
      <Loader aria-label={t('app.loading')} />
    </Center>
  );
}

/** A page for one role; anyone else is sent to the sign-in that fits them, and back here after. */
function RequireRole({ role, children }: { role: Role; children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'restoring') return <Restoring />;
  if (session.status === 'anonymous') {
    const next = encodeURIComponent(location.pathname + location.search);
    const platform = role === 'CUSTOMER' ? lastPlatform() : undefined;
    const signIn = platform ? `/p/${platform}/sign-in` : '/sign-in';
    return <Navigate to={`${signIn}?next=${next}${session.ended ? `&ended=${session.ended}` : ''}`} replace />;
  }
  if (session.identity.role !== role) return <Navigate to={HOME[session.identity.role]} replace />;
  return <Layout>{children}</Layout>;
}

function Home() {
  const session = useSession();
  if (session.status === 'restoring') return <Restoring />;
  if (session.status === 'anonymous') return <Navigate to="/sign-in" replace />;
  return <Navigate to={HOME[session.identity.role]} replace />;
}

function NotFound() {
  return (
    <Center h="60vh">
      <Stack align="center">
        <Text>{t('app.notFound')}</Text>
        <Anchor component={Link} to="/">
          {t('app.backHome')}
        </Anchor>
      </Stack>
    </Center>
  );
}

export function AppRoutes() {
  return (
    <Suspense fallback={<Restoring />}>
    <Routes>
      <Route path="/" element={<Home />} />
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/p/:platformId/sign-in" element={<SignInPage />} />
      <Route path="/register" element={<RegisterPage />} />
      <Route path="/verify-email" element={<VerifyEmailPage />} />
      <Route path="/customers" element={<RequireRole role="PLATFORM_ADMIN"><CustomerListPage /></RequireRole>} />
      <Route path="/customers/:customerId" element={<RequireRole role="PLATFORM_ADMIN"><CustomerDetailsPage /></RequireRole>} />
      <Route path="/invitations" element={<RequireRole role="PLATFORM_ADMIN"><InvitationsPage /></RequireRole>} />
      <Route path="/account" element={<RequireRole role="CUSTOMER"><MyAccountPage /></RequireRole>} />
      <Route path="/provider" element={<RequireRole role="PROVIDER"><ProviderPage /></RequireRole>} />
      <Route path="*" element={<NotFound />} />
    </Routes>
    </Suspense>
  );
}
