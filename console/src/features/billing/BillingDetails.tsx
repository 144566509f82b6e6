import { Alert, Badge, Button, Checkbox, Group, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { WriteFailure } from '../../components/Outcome';
import { api, download, type Query } from '../../lib/api';
import { formatExactTime } from '../../lib/format';
import { t } from '../../lib/i18n';
import { displayAmount } from '../../lib/money';

export type EntryType = 'REFILL' | 'DEDUCTION' | 'CREDITS';
const TYPES: EntryType[] = ['REFILL', 'DEDUCTION', 'CREDITS'];

export interface LedgerEntry {
  entryId: string;
  occurredAt: string;
  type: EntryType;
  amount: string;
  currency: string;
  balanceAfter: string;
  creditsAfter: string;
  actor?: string;
  note?: string;
}

/** A `datetime-local` value as an instant, in the viewer's time zone. */
export function localToInstant(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/**
 * A customer's ledger, newest first: filter by time and type, page, export. `base` is
 * `/customers/{id}/billing-details` for an admin and `/me/billing-details` for the customer.
 */
export function BillingDetails({ base, showActor }: { base: string; showActor: boolean }) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [types, setTypes] = useState<EntryType[]>([]);
  const [cursors, setCursors] = useState<string[]>([]);
  const [exportError, setExportError] = useState<unknown>(null);
  const filters: Query = {
    from: localToInstant(from),
    to: localToInstant(to),
    type: types.length > 0 && types.length < TYPES.length ? types.join(',') : undefined,
  };
  const cursor = cursors[cursors.length - 1];
  const page = useQuery({
    queryKey: ['billing-details', base, filters, cursor],
    queryFn: ({ signal }) =>
      api.get<{ items: LedgerEntry[]; nextCursor?: string }>(base, { ...filters, cursor, limit: 50 }, signal),
    placeholderData: keepPreviousData,
  });
  const restart = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setCursors([]);
  };

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('billing.from')}
          type="datetime-local"
          value={from}
          onChange={(event) => restart(setFrom)(event.currentTarget.value)}
        />
        <TextInput
          label={t('billing.to')}
          type="datetime-local"
          value={to}
          onChange={(event) => restart(setTo)(event.currentTarget.value)}
        />
        <Checkbox.Group label={t('billing.types')} value={types} onChange={(value) => restart(setTypes)(value as EntryType[])}>
          <Group gap="sm" mt={6}>
            {TYPES.map((type) => (
              <Checkbox key={type} value={type} label={t(`billing.type.${type}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Button
          variant="default"
          onClick={() => {
            setExportError(null);
            download(`${base}/export`, filters, 'billing-details.csv').catch(setExportError);
          }}
        >
          {t('common.exportCsv')}
        </Button>
      </Group>
      <WriteFailure error={exportError} />
      {page.isError ? (
        <Alert color="red" role="alert">
          {t('common.loadFailed', { reason: (page.error as Error).message })}
        </Alert>
      ) : page.isPending ? (
        <Skeleton h={120} />
      ) : (
        <Table striped aria-busy={page.isFetching}>
          <caption className="skip-link">{t('billing.caption')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('billing.time')}</Table.Th>
              <Table.Th>{t('billing.type')}</Table.Th>
              <Table.Th className="figure">{t('billing.amount')}</Table.Th>
              <Table.Th className="figure">{t('billing.balanceAfter')}</Table.Th>
              <Table.Th className="figure">{t('billing.creditsAfter')}</Table.Th>
              {showActor && <Table.Th>{t('billing.actor')}</Table.Th>}
              <Table.Th>{t('billing.note')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {page.data.items.map((entry) => (
              <Table.Tr key={entry.entryId}>
                <Table.Td className="nowrap">{formatExactTime(entry.occurredAt)}</Table.Td>
                <Table.Td>
                  <Badge color={entry.type === 'DEDUCTION' ? 'red.9' : entry.type === 'REFILL' ? 'teal.9' : 'indigo.9'}>
                    {t(`billing.type.${entry.type}`)}
                  </Badge>
                </Table.Td>
                <Table.Td className="figure">{displayAmount(entry.amount)}</Table.Td>
                <Table.Td className="figure">{displayAmount(entry.balanceAfter)}</Table.Td>
                <Table.Td className="figure">{displayAmount(entry.creditsAfter)}</Table.Td>
                {showActor && <Table.Td className="mono">{entry.actor}</Table.Td>}
                <Table.Td>{entry.note}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {page.data && page.data.items.length === 0 && <Text c="dimmed">{t('billing.empty')}</Text>}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
          {t('common.previousPage')}
        </Button>
        <Button
          variant="default"
          disabled={!page.data?.nextCursor}
          onClick={() => page.data?.nextCursor && setCursors([...cursors, page.data.nextCursor])}
        >
          {t('common.nextPage')}
        </Button>
      </Group>
    </Stack>
  );
}
