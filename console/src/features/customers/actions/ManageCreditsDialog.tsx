import { Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import { DialogButtons } from '../../../components/DialogButtons';
import { WriteDone } from '../../../components/WriteDone';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { fieldError, WriteFailure } from '../../../components/Outcome';
import { api, ApiError } from '../../../lib/api';
import { t } from '../../../lib/i18n';
import { currencyDigits, displayAmount, formatMinor, parseAmount, toMinor } from '../../../lib/money';
import { type Customer, customerKeys, type LedgerFigures, useCreditPool } from '../api';
import { expectChange } from '../pending';
import { useKeyedWrite } from '../useKeyedWrite';
import { amountMessage } from './amountMessage';

const send = (customerId: string) => (amount: string, key: string) =>
  api.put<LedgerFigures>(`/customers/${customerId}/credits`, { amount }, { idempotencyKey: key });

/**
 * Sets a customer's credits to a target. All customers share the platform's pool: as the target
 * is typed, the dialog shows what the pool will have left (grant 20.00 of 70.00: 50.00 left), and
 * refuses before sending what the pool cannot cover.
 */
export function ManageCreditsDialog({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const queries = useQueryClient();
  const pool = useCreditPool();
  const digits = currencyDigits(customer.currency);
  const [target, setTarget] = useState('');
  const [touched, setTouched] = useState(false);
  const [sendFor] = useState(() => send(customer.id));
  const write = useKeyedWrite<string, LedgerFigures>(sendFor);
  const title = t('credits.title', { account: customer.account });

  if (write.state.status === 'done') {
    const figures = write.state.data;
    return (
      <Modal opened onClose={onClose} title={title}>
        <WriteDone
          message={t('credits.done', {
            credits: displayAmount(figures.credits, figures.currency),
            available: displayAmount(figures.poolAvailable ?? '', figures.currency),
          })}
          replayed={write.state.replayed}
          onClose={onClose}
        />
      </Modal>
    );
  }

  const current = toMinor(customer.credits, digits);
  const available = pool.data ? toMinor(pool.data.available, digits) : undefined;
  const parsed = parseAmount(target, digits);
  let targetError: string | undefined;
  let left: bigint | undefined;
  if (!parsed.ok) {
    targetError = touched && parsed.problem !== 'required' ? amountMessage(parsed.problem, digits) : undefined;
  } else if (parsed.minor < 0n) {
    targetError = t('amount.not_positive');
  } else if (available !== undefined) {
    left = available + current - parsed.minor;
    if (left < 0n) {
      targetError = t('credits.overPool', {
        max: displayAmount(formatMinor(available + current, digits), customer.currency),
      });
    }
  }
  const failed = write.state.status === 'failed' ? write.state.error : undefined;
  const refused =
    failed instanceof ApiError && failed.code === 'exceeds_pool_available' ? failed.message : fieldError(failed, 'amount');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!parsed.ok || targetError || left === undefined) return;
    const answer = await write.submit(formatMinor(parsed.minor, digits));
    if (answer) {
      expectChange(customer.id, { credits: answer.data.credits, balance: answer.data.balance });
      void queries.invalidateQueries({ queryKey: customerKeys.all });
      void queries.invalidateQueries({ queryKey: customerKeys.pool });
    } else {
      void pool.refetch();
    }
  };

  return (
    <Modal opened onClose={onClose} title={title}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {pool.isPending ? (
            <Loader size="sm" aria-label={t('app.loading')} />
          ) : pool.data ? (
            <Text size="sm">{t('credits.poolAvailable', { amount: displayAmount(pool.data.available, pool.data.currency) })}</Text>
          ) : (
            <WriteFailure error={pool.error} />
          )}
          <Text size="sm">{t('credits.current', { amount: displayAmount(customer.credits, customer.currency) })}</Text>
          <TextInput
            label={t('credits.target', { currency: customer.currency })}
            inputMode="decimal"
            value={target}
            onChange={(event) => {
              setTarget(event.currentTarget.value);
              if (write.state.status === 'failed' && !write.unknown) write.reset();
            }}
            onBlur={() => setTouched(true)}
            error={targetError ?? refused ?? (touched && !parsed.ok ? amountMessage(parsed.problem, digits) : undefined)}
            description={t('credits.leftHint')}
            readOnly={write.unknown}
            required
            data-autofocus
          />
          {left !== undefined && left >= 0n && (
            <Text aria-live="polite" fw={600}>
              {t('credits.left', { amount: displayAmount(formatMinor(left, digits)) })}
            </Text>
          )}
          {!refused && <WriteFailure error={failed} fields={['amount']} onRetry={() => void write.retry()} />}
          <DialogButtons
            onClose={onClose}
            submitLabel={write.unknown ? undefined : t('common.confirm')}
            sending={write.state.status === 'sending'}
            disabled={Boolean(targetError) || left === undefined}
          />
        </Stack>
      </form>
    </Modal>
  );
}
