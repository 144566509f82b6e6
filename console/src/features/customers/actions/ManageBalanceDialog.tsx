import { Button, Group, Modal, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DialogButtons } from '../../../components/DialogButtons';
import { WriteDone } from '../../../components/WriteDone';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { fieldError, WriteFailure } from '../../../components/Outcome';
import { api, ApiError } from '../../../lib/api';
import { t } from '../../../lib/i18n';
import { currencyDigits, displayAmount, formatMinor, parsePositiveAmount, toMinor } from '../../../lib/money';
import { type Customer, customerKeys, type LedgerFigures } from '../api';
import { expectChange } from '../pending';
import { useKeyedWrite } from '../useKeyedWrite';
import { amountMessage } from './amountMessage';

type Operation = 'refill' | 'deduct';
interface Body {
  operation: Operation;
  amount: string;
  note?: string;
}

const send = (customerId: string) => (body: Body, key: string) =>
  api.post<LedgerFigures>(
    `/customers/${customerId}/balance/${body.operation === 'refill' ? 'refills' : 'deductions'}`,
    body.note ? { amount: body.amount, note: body.note } : { amount: body.amount },
    { idempotencyKey: key },
  );

export function ManageBalanceDialog({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const queries = useQueryClient();
  const digits = currencyDigits(customer.currency);
  const [operation, setOperation] = useState<Operation>('refill');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [amountError, setAmountError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState<Body | null>(null);
  const [step, setStep] = useState<'form' | 'confirm'>('form');
  const [sendFor] = useState(() => send(customer.id));
  const write = useKeyedWrite<Body, LedgerFigures>(sendFor);

  const before = toMinor(customer.balance, digits);
  const proceed = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parsePositiveAmount(amount, digits);
    if (!parsed.ok) {
      setAmountError(amountMessage(parsed.problem, digits));
      return;
    }
    if (operation === 'deduct' && parsed.minor > before) {
      setAmountError(t('balance.belowZero', { balance: displayAmount(customer.balance, customer.currency) }));
      return;
    }
    setAmountError(undefined);
    write.reset();
    setConfirming({ operation, amount: formatMinor(parsed.minor, digits), note: note.trim() || undefined });
    setStep('confirm');
  };

  const confirm = async () => {
    if (!confirming) return;
    const answer = await write.submit(confirming);
    if (answer) {
      expectChange(customer.id, { balance: answer.data.balance, credits: answer.data.credits });
      void queries.invalidateQueries({ queryKey: customerKeys.all });
    }
  };

  const failed = write.state.status === 'failed' ? write.state.error : undefined;
  const refusedAtField =
    failed instanceof ApiError && (failed.code === 'insufficient_balance' ? failed.message : fieldError(failed, 'amount'));
  // A refusal sends the admin back to the form, with the words at the field they name.
  const showForm = step === 'form' || failed instanceof ApiError;
  const title = t('balance.title', { account: customer.account });

  if (write.state.status === 'done') {
    return (
      <Modal opened onClose={onClose} title={title}>
        <WriteDone
          message={t('balance.done', { balance: displayAmount(write.state.data.balance, write.state.data.currency) })}
          replayed={write.state.replayed}
          onClose={onClose}
        />
      </Modal>
    );
  }

  if (confirming && !showForm) {
    const change = toMinor(confirming.amount, digits);
    const after = confirming.operation === 'refill' ? before + change : before - change;
    const shown = displayAmount(confirming.amount, customer.currency);
    return (
      <Modal opened onClose={onClose} title={title}>
        <Stack>
          <Text>
            {confirming.operation === 'refill'
              ? t('balance.confirmRefill', { amount: shown, account: customer.account })
              : t('balance.confirmDeduct', { amount: shown, account: customer.account })}
          </Text>
          <Text fw={600}>
            {t('balance.beforeAfter', {
              before: displayAmount(customer.balance, customer.currency),
              after: displayAmount(formatMinor(after, digits), customer.currency),
            })}
          </Text>
          <WriteFailure error={failed} onRetry={() => void write.retry()} />
          <Group justify="flex-end">
            {!write.unknown && (
              <Button variant="default" onClick={() => setStep('form')} disabled={write.state.status === 'sending'}>
                {t('common.back')}
              </Button>
            )}
            {!write.unknown && (
              <Button onClick={() => void confirm()} loading={write.state.status === 'sending'} autoFocus>
                {t('common.confirm')}
              </Button>
            )}
          </Group>
        </Stack>
      </Modal>
    );
  }

  return (
    <Modal opened onClose={onClose} title={title}>
      <form onSubmit={proceed} noValidate>
        <Stack>
          <Text size="sm">{t('balance.current', { amount: displayAmount(customer.balance, customer.currency) })}</Text>
          <SegmentedControl
            fullWidth
            aria-label={t('balance.operation')}
            value={operation}
            onChange={(value) => setOperation(value as Operation)}
            data={[
              { value: 'refill', label: t('balance.refill') },
              { value: 'deduct', label: t('balance.deduct') },
            ]}
          />
          <TextInput
            label={t('balance.amount', { currency: customer.currency })}
            inputMode="decimal"
            value={amount}
            onChange={(event) => setAmount(event.currentTarget.value)}
            error={amountError ?? refusedAtField ?? undefined}
            required
            data-autofocus
          />
          <Textarea
            label={`${t('balance.note')} (${t('common.optional')})`}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            error={fieldError(failed, 'note')}
            maxLength={500}
          />
          {!refusedAtField && <WriteFailure error={failed} fields={['amount', 'note']} />}
          <DialogButtons onClose={onClose} submitLabel={t('common.continue')} />
        </Stack>
      </form>
    </Modal>
  );
}
