import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { PublicPage } from '../../components/PublicPage';
import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError, OutcomeUnknown } from '../../lib/api';
import { t } from '../../lib/i18n';
import { signIn, useSession } from '../../lib/session';
import { rememberPlatform } from './lastPlatform';

/** Only a path inside the console, never another site: `next` comes from the address bar. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const { platformId } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<{ username?: string; password?: string }>({});
  const [busy, setBusy] = useState(false);
  const ended = search.get('ended');

  if (session.status === 'signed-in' && !busy) return <Navigate to={safeNext(search.get('next'))} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const usernameLabel = platformId ? t('signIn.usernameCustomer') : t('signIn.username');
    const nextMissing = {
      username: username.trim() ? undefined : t('signIn.required', { field: usernameLabel.toLowerCase() }),
      password: password ? undefined : t('signIn.required', { field: t('signIn.password').toLowerCase() }),
    };
    setMissing(nextMissing);
    if (nextMissing.username || nextMissing.password) return;
    setBusy(true);
    setError(null);
    try {
      await signIn(username.trim(), password, platformId);
      if (platformId) rememberPlatform(platformId);
      navigate(safeNext(search.get('next')), { replace: true });
    } catch (failure) {
      if (failure instanceof ApiError) {
        setError(failure.fieldMessage('platformId') ?? failure.message);
      } else if (failure instanceof OutcomeUnknown) {
        setError(t('problem.service_unavailable'));
      } else {
        throw failure;
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <PublicPage title={platformId ? t('signIn.customerTitle') : t('signIn.title')} width={380}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {ended === 'ended' && <Alert color="yellow">{t('signIn.ended')}</Alert>}
          {ended === 'signed_out' && <Alert color="blue">{t('signIn.signedOut')}</Alert>}
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <TextInput
            label={platformId ? t('signIn.usernameCustomer') : t('signIn.username')}
            autoComplete="username"
            value={username}
            onChange={(event) => setUsername(event.currentTarget.value)}
            error={missing.username}
            required
            autoFocus
          />
          <PasswordInput
            label={t('signIn.password')}
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={missing.password}
            required
          />
          <Button type="submit" loading={busy}>
            {t('signIn.submit')}
          </Button>
          {!platformId && (
            <Text size="xs" c="dimmed">
              {t('signIn.operatorsHint')}
            </Text>
          )}
        </Stack>
      </form>
    </PublicPage>
  );
}
