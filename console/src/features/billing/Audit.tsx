import { Badge, Button, Group, Loader, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { WriteFailure } from '../../components/Outcome';
import { api } from '../../lib/api';
import { formatExactTime } from '../../lib/format';
import { t } from '../../lib/i18n';
import { displayAmount } from '../../lib/money';
import { localToInstant } from './BillingDetails';

interface Verification {
  ok: boolean;
  entries: number;
  firstBroken?: { sequence: number; rule: string };
}

interface AsOf {
  at: string;
  currency: string;
  balance: string;
  credits: string;
  entries: number;
}

/** The hash chain's verification, replayed from the event store, as a badge. */
export function ChainBadge({ customerId }: { customerId: string }) {
  const verification = useQuery({
    queryKey: ['verification', customerId],
    queryFn: ({ signal }) => api.get<Verification>(`/customers/${customerId}/ledger/verification`, undefined, signal),
  });
  if (verification.isPending) {
    return (
      <Text size="sm">
        <Loader size="xs" mr={6} aria-hidden="true" />
        {t('billing.verifying')}
      </Text>
    );
  }
  if (verification.isError) return <WriteFailure error={verification.error} />;
  const result = verification.data;
  return result.ok ? (
    <Badge color="teal.9" tt="none">
      {t('billing.verified', { entries: result.entries })}
    </Badge>
  ) : (
    <Badge color="red.9" tt="none">
      {t('billing.broken', { sequence: result.firstBroken?.sequence ?? '?', rule: result.firstBroken?.rule ?? '' })}
    </Badge>
  );
}

/** The balance and credits at a chosen instant, replayed from the ledger's events. */
export function AsOfForm({ customerId }: { customerId: string }) {
  const [value, setValue] = useState('');
  const [at, setAt] = useState<string | undefined>();
  const asOf = useQuery({
    queryKey: ['as-of', customerId, at],
    queryFn: ({ signal }) => api.get<AsOf>(`/customers/${customerId}/ledger/as-of`, { at }, signal),
    enabled: Boolean(at),
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setAt(localToInstant(value));
      }}
    >
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('billing.asOf')}
          type="datetime-local"
          step={1}
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          error={asOf.error ? (asOf.error as Error).message : undefined}
        />
        <Button type="submit" variant="default" loading={asOf.isFetching}>
          {t('billing.asOfShow')}
        </Button>
        {asOf.data && (
          <Text size="sm" aria-live="polite">
            {t('billing.asOfResult', {
              at: formatExactTime(asOf.data.at),
              balance: displayAmount(asOf.data.balance, asOf.data.currency),
              credits: displayAmount(asOf.data.credits, asOf.data.currency),
              entries: asOf.data.entries,
            })}
          </Text>
        )}
      </Group>
    </form>
  );
}
