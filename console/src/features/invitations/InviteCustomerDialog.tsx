import { Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { DialogButtons } from '../../components/DialogButtons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { CopyField } from '../../components/CopyField';
import { fieldError, WriteFailure } from '../../components/Outcome';
import { api } from '../../lib/api';
import { formatExactTime } from '../../lib/format';
import { t } from '../../lib/i18n';
import { invitationKeys, type IssuedInvitation } from './api';

/** Invite Customer: a single-use link, optionally for one address, to copy and send. */
export function InviteCustomerDialog({ onClose }: { onClose: () => void }) {
  const queries = useQueryClient();
  const [email, setEmail] = useState('');
  const [days, setDays] = useState<number | string>(7);
  const issue = useMutation({
    mutationFn: async () =>
      (
        await api.post<IssuedInvitation>('/invitations', {
          ...(email.trim() ? { email: email.trim() } : {}),
          expiresInDays: Number(days),
        })
      ).data,
    onSuccess: () => void queries.invalidateQueries({ queryKey: invitationKeys.all }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!issue.isPending) issue.mutate();
  };

  return (
    <Modal opened onClose={onClose} title={t('invite.title')} size="lg">
      {issue.data ? (
        <Stack>
          <CopyField label={t('invite.link')} value={issue.data.link} copyLabel={t('invite.copyLink')} />
          <Text size="sm">{t('invite.expiresAt', { time: formatExactTime(issue.data.expiresAt) })}</Text>
          <DialogButtons onClose={onClose} done />
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label={`${t('invite.email')} (${t('common.optional')})`}
              description={t('invite.emailHint')}
              type="email"
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={fieldError(issue.error, 'email')}
              data-autofocus
            />
            <NumberInput
              label={t('invite.expires')}
              min={1}
              max={30}
              allowDecimal={false}
              value={days}
              onChange={setDays}
              error={fieldError(issue.error, 'expiresInDays')}
            />
            <WriteFailure error={issue.error} fields={['email', 'expiresInDays']} onRetry={() => issue.mutate()} />
            <DialogButtons onClose={onClose} submitLabel={t('invite.create')} sending={issue.isPending} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
