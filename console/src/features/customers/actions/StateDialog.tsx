import { Alert, Modal, Stack, Text } from '@mantine/core';
import { DialogButtons } from '../../../components/DialogButtons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { WriteFailure } from '../../../components/Outcome';
import { api } from '../../../lib/api';
import { t } from '../../../lib/i18n';
import { type Customer, customerKeys, type CustomerState } from '../api';
import { expectChange } from '../pending';

/** Enable or disable: OFF refuses the customer's sign-in and ends their open sessions. */
export function StateDialog({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const queries = useQueryClient();
  const target: CustomerState = customer.state === 'ON' ? 'OFF' : 'ON';
  const change = useMutation({
    mutationFn: () => api.put<void>(`/customers/${customer.id}/state`, { state: target }),
    onSuccess: () => {
      expectChange(customer.id, { state: target });
      void queries.invalidateQueries({ queryKey: customerKeys.all });
    },
  });
  const disabling = target === 'OFF';
  const title = disabling
    ? t('state.disableTitle', { account: customer.account })
    : t('state.enableTitle', { account: customer.account });

  return (
    <Modal opened onClose={onClose} title={title}>
      <Stack>
        <Text size="sm">{disabling ? t('state.disableBody') : t('state.enableBody')}</Text>
        {change.isSuccess ? (
          <Alert color="teal" role="status">
            {t('state.done', { state: t(`state.${target}`) })}
          </Alert>
        ) : (
          <WriteFailure error={change.error} onRetry={() => change.mutate()} />
        )}
        <DialogButtons
          onClose={onClose}
          submitLabel={disabling ? t('action.disable') : t('action.enable')}
          onSubmit={() => change.mutate()}
          sending={change.isPending}
          done={change.isSuccess}
          danger={disabling}
          focus
        />
      </Stack>
    </Modal>
  );
}
