import { Alert, Modal, Stack, Text } from '@mantine/core';
import { DialogButtons } from '../../../components/DialogButtons';
import { useMutation } from '@tanstack/react-query';
import { CopyField } from '../../../components/CopyField';
import { WriteFailure } from '../../../components/Outcome';
import { api } from '../../../lib/api';
import { formatExactTime } from '../../../lib/format';
import { t } from '../../../lib/i18n';
import { useSession } from '../../../lib/session';
import type { Customer } from '../api';

interface GeneratedPassword {
  resetId: string;
  password: string;
  expiresAt: string;
}

/**
 * The admin never chooses the password: Generate New Password makes one on the server and shows
 * it once; Confirm New Password makes it the customer's (and ends their sessions).
 */
export function ResetPasswordDialog({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const session = useSession();
  const platformId = session.status === 'signed-in' ? session.identity.platformId : undefined;
  const signInAddress = `${window.location.origin}/p/${platformId ?? ''}/sign-in`;
  const generate = useMutation({
    mutationFn: async () => (await api.post<GeneratedPassword>(`/customers/${customer.id}/password-resets`)).data,
  });
  const confirm = useMutation({
    mutationFn: (resetId: string) =>
      api.post<void>(`/customers/${customer.id}/password-resets/${resetId}/confirmation`),
  });
  const generated = generate.data;

  return (
    <Modal opened onClose={onClose} title={t('reset.title', { account: customer.account })} size="lg">
      <Stack>
        <Text size="sm">{t('reset.intro')}</Text>
        {!generated && (
          <>
            <WriteFailure error={generate.error} onRetry={() => generate.mutate()} />
            <DialogButtons
              onClose={onClose}
              submitLabel={t('reset.generate')}
              onSubmit={() => generate.mutate()}
              sending={generate.isPending}
              focus
            />
          </>
        )}
        {generated && (
          <>
            <CopyField label={t('reset.password')} value={generated.password} copyLabel={t('reset.copyPassword')} />
            <Text size="xs" c="dimmed">
              {t('reset.shownOnce')} {t('reset.expires', { time: formatExactTime(generated.expiresAt) })}
            </Text>
            <CopyField label={t('reset.signInAddress')} value={signInAddress} copyLabel={t('reset.copyAddress')} />
            {confirm.isSuccess ? (
              <Alert color="teal" role="status">
                {t('reset.done')}
              </Alert>
            ) : (
              <WriteFailure error={confirm.error} onRetry={() => confirm.mutate(generated.resetId)} />
            )}
            <DialogButtons
              onClose={onClose}
              submitLabel={t('reset.confirm')}
              onSubmit={() => confirm.mutate(generated.resetId)}
              sending={confirm.isPending}
              done={confirm.isSuccess}
            />
          </>
        )}
      </Stack>
    </Modal>
  );
}
