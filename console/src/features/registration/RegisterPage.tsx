import { Alert, Button, Loader, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { PublicPage } from '../../components/PublicPage';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { fieldError, WriteFailure } from '../../components/Outcome';
import { api, ApiError } from '../../lib/api';
import { type MessageKey, t } from '../../lib/i18n';

interface RegistrationStatus {
  id: string;
  status: 'PENDING' | 'COMPLETED' | 'REJECTED';
  reason?: string;
}

// A link issued a moment ago may not have reached auth-service yet (it learns invitations from
// Kafka): an unknown invitation is asked about again for a few seconds before it is believed.
const UNKNOWN_RETRIES = 10;
const UNKNOWN_RETRY_MS = 500;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function register(body: object): Promise<RegistrationStatus> {
  for (let attempt = 0; ; attempt++) {
    try {
      return (await api.post<RegistrationStatus>('/public/registrations', body, { anonymous: true })).data;
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'invitation_unknown' && attempt < UNKNOWN_RETRIES) {
        await pause(UNKNOWN_RETRY_MS);
        continue;
      }
      throw failure;
    }
  }
}

function Progress({ id }: { id: string }) {
  const status = useQuery({
    queryKey: ['registration', id],
    queryFn: ({ signal }) =>
      api.get<RegistrationStatus>(`/public/registrations/${encodeURIComponent(id)}`, undefined, signal),
    refetchInterval: (query) => (query.state.data?.status === 'PENDING' || !query.state.data ? 500 : false),
  });
  const current = status.data;
  return (
    <Stack>
      <Alert color="blue" role="status">
        {t('register.received')}
      </Alert>
      {(!current || current.status === 'PENDING') && (
        <Text size="sm" c="dimmed">
          <Loader size="xs" mr="xs" aria-hidden="true" />
          {t('register.pending')}
        </Text>
      )}
      {current?.status === 'COMPLETED' && (
        <Alert color="teal" role="status">
          {t('register.completed')} {t('register.checkMail')}
        </Alert>
      )}
      {current?.status === 'REJECTED' && (
        <Alert color="red" role="alert">
          {t('register.rejected', {
            reason: t(`register.reason.${current.reason ?? 'INVALID_SUBMISSION'}` as MessageKey),
          })}
        </Alert>
      )}
    </Stack>
  );
}

/** The invitee's page: email, team name and a password whose rules are shown before they are broken. */
export function RegisterPage() {
  const [params] = useSearchParams();
  const invitationToken = params.get('invitation') ?? '';
  const [email, setEmail] = useState('');
  const [teamName, setTeamName] = useState('');
  const [password, setPassword] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [registration, setRegistration] = useState<RegistrationStatus | null>(null);

  const send = async () => {
    if (sending) return;
    setSending(true);
    setError(null);
    try {
      setRegistration(await register({ invitationToken, email: email.trim(), teamName: teamName.trim(), password }));
    } catch (failure) {
      setError(failure);
    } finally {
      setSending(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };
  const linkProblem = error instanceof ApiError && error.code?.startsWith('invitation_') ? error.message : undefined;

  return (
    <PublicPage title={t('register.title')}>
      {!invitationToken ? (
        <Alert color="yellow">{t('register.noLink')}</Alert>
      ) : registration ? (
        <Progress id={registration.id} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            {linkProblem && (
              <Alert color="red" role="alert">
                {linkProblem}
              </Alert>
            )}
            <TextInput
              label={t('register.email')}
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={fieldError(error, 'email') ?? (error instanceof ApiError && error.code === 'email_mismatch' ? error.message : undefined)}
            />
            <TextInput
              label={t('register.teamName')}
              autoComplete="organization"
              required
              value={teamName}
              onChange={(event) => setTeamName(event.currentTarget.value)}
              error={fieldError(error, 'teamName')}
            />
            <PasswordInput
              label={t('register.password')}
              description={t('register.rules')}
              autoComplete="new-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={
                fieldError(error, 'password') ??
                (error instanceof ApiError && error.code?.startsWith('password_') ? error.message : undefined)
              }
            />
            {!linkProblem && (
              <WriteFailure error={error} fields={['email', 'teamName', 'password']} onRetry={() => void send()} />
            )}
            <Button type="submit" loading={sending}>
              {t('register.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </PublicPage>
  );
}
