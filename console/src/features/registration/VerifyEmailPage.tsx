import { Alert, Loader, Text } from '@mantine/core';
import { PublicPage } from '../../components/PublicPage';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../../lib/api';
import { t } from '../../lib/i18n';

/** Opens from the mail's link and verifies at once; says plainly when the link cannot. */
export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const verification = useQuery({
    queryKey: ['email-verification', token],
    queryFn: () => api.post<void>('/public/email-verifications', { token }, { anonymous: true }),
    enabled: Boolean(token),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: (failures, error) => !(error instanceof ApiError) && failures < 3,
  });

  return (
    <PublicPage title={t('verify.title')}>
      {!token && <Alert color="yellow">{t('verify.noToken')}</Alert>}
      {token && verification.isPending && (
        <Text>
          <Loader size="xs" mr="xs" aria-hidden="true" />
          {t('verify.working')}
        </Text>
      )}
      {verification.isSuccess && (
        <Alert color="teal" role="status">
          {t('verify.done')}
        </Alert>
      )}
      {verification.isError && (
        <Alert color="red" role="alert">
          {t('verify.failed', {
            reason: verification.error instanceof ApiError ? verification.error.message : t('problem.service_unavailable'),
          })}
        </Alert>
      )}
    </PublicPage>
  );
}
