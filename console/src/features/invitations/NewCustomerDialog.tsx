import { Alert, Anchor, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { DialogButtons } from '../../components/DialogButtons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { fieldError, WriteFailure } from '../../components/Outcome';
import { api, ApiError } from '../../lib/api';
import { t } from '../../lib/i18n';
import { BillingFields, type BillingForm, billingBody, emptyBilling } from '../customers/BillingFields';
import { type Customer, customerKeys } from '../customers/api';

type BillingChoice = 'NONE' | 'INDIVIDUAL' | 'ENTERPRISE';

/** New Customer Account: the admin creates the account; Reset Password gives it a password later. */
export function NewCustomerDialog({ onClose }: { onClose: () => void }) {
  const queries = useQueryClient();
  const [email, setEmail] = useState('');
  const [teamName, setTeamName] = useState('');
  const [choice, setChoice] = useState<BillingChoice>('NONE');
  const [billing, setBilling] = useState<BillingForm>(emptyBilling());
  const create = useMutation({
    mutationFn: async () =>
      (
        await api.post<{ id: string }>('/customers', {
          email: email.trim(),
          teamName: teamName.trim(),
          billingInfo: choice === 'NONE' ? undefined : billingBody({ ...billing, type: choice }),
        })
      ).data,
  });
  const createdId = create.data?.id;
  // The answer comes when the command is accepted; the list has the customer a moment later.
  const visible = useQuery({
    queryKey: createdId ? customerKeys.details(createdId) : ['customers', 'none'],
    queryFn: ({ signal }) => api.get<Customer>(`/customers/${createdId}`, undefined, signal),
    enabled: Boolean(createdId),
    retry: (failures, error) => error instanceof ApiError && error.status === 404 && failures < 50,
    retryDelay: 200,
  });
  const shown = visible.isSuccess;
  useEffect(() => {
    if (shown) void queries.invalidateQueries({ queryKey: ['customers', 'list'] });
  }, [shown, queries]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!create.isPending) create.mutate();
  };

  return (
    <Modal opened onClose={onClose} title={t('create.title')} size="lg">
      {createdId ? (
        <Stack>
          <Alert color="teal" role="status">
            {t('create.done')} {!visible.isSuccess && <Text span c="orange.8">({t('common.updating')})</Text>}
          </Alert>
          {visible.isSuccess && (
            <Anchor component={Link} to={`/customers/${createdId}`} onClick={onClose}>
              {visible.data.account}
            </Anchor>
          )}
          <DialogButtons onClose={onClose} done />
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label={t('create.email')}
              type="email"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={fieldError(create.error, 'email')}
              data-autofocus
            />
            <TextInput
              label={t('create.teamName')}
              required
              value={teamName}
              onChange={(event) => setTeamName(event.currentTarget.value)}
              error={fieldError(create.error, 'teamName')}
            />
            <SegmentedControl
              aria-label={t('create.billing')}
              value={choice}
              onChange={(value) => setChoice(value as BillingChoice)}
              data={[
                { value: 'NONE', label: t('create.billingNone') },
                { value: 'INDIVIDUAL', label: t('details.individual') },
                { value: 'ENTERPRISE', label: t('details.enterprise') },
              ]}
            />
            {choice !== 'NONE' && (
              <BillingFields
                form={{ ...billing, type: choice }}
                onChange={setBilling}
                error={create.error}
                prefix="billingInfo."
                withType={false}
              />
            )}
            <WriteFailure
              error={create.error}
              fields={['email', 'teamName', 'billingInfo']}
              onRetry={() => create.mutate()}
            />
            <DialogButtons onClose={onClose} submitLabel={t('create.submit')} sending={create.isPending} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
