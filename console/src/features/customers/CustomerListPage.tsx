import { Alert, Button, Group, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { WriteFailure } from '../../components/Outcome';
import { download } from '../../lib/api';
import { t } from '../../lib/i18n';
import { InviteCustomerDialog } from '../invitations/InviteCustomerDialog';
import { NewCustomerDialog } from '../invitations/NewCustomerDialog';
import { CustomerActionDialog } from './CustomerActionDialog';
import { type Customer, useCustomerPage } from './api';
import { ColumnChooser } from './ColumnChooser';
import { useVisibleColumns } from './columns';
import { type CustomerAction, CustomerTable } from './CustomerTable';
import { ListFilters } from './ListFilters';
import { filterQuery, nextSort, PAGE_SIZES, pageQuery, readSort, withChange, writeSort } from './listParams';
import { reconcile, usePendingCount } from './pending';
import { PoolSummary } from './PoolSummary';

interface PagingState {
  /** The cursors of the pages before this one, so that Previous can go back. */
  previous?: string[];
}

const UPDATING_POLL_MS = 400;

export function CustomerListPage() {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const previous = (location.state as PagingState | null)?.previous ?? [];
  const pending = usePendingCount();
  const page = useCustomerPage(pageQuery(params), pending > 0 ? UPDATING_POLL_MS : false);
  const { visible, toggle } = useVisibleColumns();
  const sort = readSort(params);
  const [action, setAction] = useState<{ kind: Exclude<CustomerAction, 'billing'>; customer: Customer } | null>(null);
  const [creating, setCreating] = useState<'invite' | 'account' | null>(null);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);

  const change = (next: URLSearchParams) => setParams(next, { replace: false });
  const goTo = (cursor: string | undefined, stack: string[]) => {
    const next = new URLSearchParams(params);
    if (cursor) next.set('cursor', cursor);
    else next.delete('cursor');
    navigate({ search: next.toString() }, { state: { previous: stack } satisfies PagingState });
  };

  const onAction = (kind: CustomerAction, customer: Customer) => {
    if (kind === 'billing') navigate(`/customers/${customer.id}?tab=billing`);
    else setAction({ kind, customer });
  };

  const exportCsv = async () => {
    setExporting(true);
    setExportError(null);
    try {
      await download('/customers/export', filterQuery(params), 'customers.csv');
    } catch (failure) {
      setExportError(failure);
    } finally {
      setExporting(false);
    }
  };

  const rows = (page.data?.items ?? []).map((customer) => reconcile(customer));
  const total = page.data
    ? page.data.totalExact
      ? t('customers.total', { count: page.data.total.toLocaleString() })
      : t('customers.totalAtLeast', { count: page.data.total.toLocaleString() })
    : undefined;

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('customers.title')}
        </Title>
        <Group gap="xs">
          <Button variant="default" onClick={() => setCreating('invite')}>
            {t('customers.inviteCustomer')}
          </Button>
          <Button onClick={() => setCreating('account')}>{t('customers.newCustomerAccount')}</Button>
        </Group>
      </Group>
      <PoolSummary />
      <ListFilters params={params} onChange={change} />
      <Group justify="space-between">
        <Text size="sm" aria-live="polite" fw={500}>
          {total ?? <Skeleton h={16} w={120} component="span" />}
        </Text>
        <Group gap="xs">
          <ColumnChooser visible={visible} onToggle={toggle} />
          <Button variant="default" onClick={() => void exportCsv()} loading={exporting}>
            {t('common.exportCsv')}
          </Button>
        </Group>
      </Group>
      <WriteFailure error={exportError} />
      {page.isError && !page.data ? (
        <Alert color="red" role="alert">
          {t('common.loadFailed', { reason: (page.error as Error).message })}
        </Alert>
      ) : page.isPending ? (
        <Stack gap={6} aria-label={t('app.loading')}>
          {Array.from({ length: 8 }, (_, i) => (
            <Skeleton key={i} h={28} />
          ))}
        </Stack>
      ) : (
        <>
          <CustomerTable
            rows={rows}
            columns={visible}
            sort={sort}
            onSort={(column) => change(withChange(params, 'sort', writeSort(nextSort(sort, column))))}
            onAction={onAction}
            busy={page.isFetching}
          />
          {rows.length === 0 && <Text c="dimmed">{t('customers.empty')}</Text>}
        </>
      )}
      <Group justify="space-between">
        <Select
          aria-label={t('customers.pageSize')}
          data={PAGE_SIZES}
          value={params.get('limit') ?? '50'}
          onChange={(value) => change(withChange(params, 'limit', value === '50' ? null : value))}
          w={90}
          allowDeselect={false}
        />
        <Group gap="xs">
          <Text size="sm">{t('customers.page', { page: previous.length + 1 })}</Text>
          <Button
            variant="default"
            disabled={!params.get('cursor')}
            onClick={() => goTo(previous[previous.length - 1] || undefined, previous.slice(0, -1))}
          >
            {t('common.previousPage')}
          </Button>
          <Button
            variant="default"
            disabled={!page.data?.nextCursor}
            onClick={() => goTo(page.data?.nextCursor, [...previous, params.get('cursor') ?? ''])}
          >
            {t('common.nextPage')}
          </Button>
        </Group>
      </Group>
      {action && <CustomerActionDialog action={action.kind} customer={action.customer} onClose={() => setAction(null)} />}
      {creating === 'invite' && <InviteCustomerDialog onClose={() => setCreating(null)} />}
      {creating === 'account' && <NewCustomerDialog onClose={() => setCreating(null)} />}
    </Stack>
  );
}
